import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { campaignKeys, type SectionKey, saveSectionData } from '../../../api/campaigns.ts';
import { ApiError } from '../../../api/client.ts';
import { PencilIcon } from '../../../components/icons.tsx';
import { Button, ErrorAlert } from '../../../components/ui.tsx';
import { useT } from '../../../i18n/locale.tsx';
import { type FieldErrors, hasErrors } from '../../forms.ts';

export type FormResult<D> = { ok: true; data: D } | { ok: false; errors: FieldErrors };

interface Conflict {
  revision: number;
}

/**
 * The structured part of a section (criteria, KPIs, rules…): shown read-only, edited as a whole
 * and saved with the revision the edit started from (409 when someone saved in between).
 */
export function DataBlock<D, F>({
  campaignId,
  sectionKey,
  sectionTitle,
  label,
  data,
  revision,
  canEdit,
  toForm,
  fromForm,
  view,
  editor,
}: {
  campaignId: string;
  sectionKey: SectionKey;
  sectionTitle: string;
  label: string;
  data: D;
  revision: number;
  canEdit: boolean;
  toForm: (data: D) => F;
  fromForm: (form: F) => FormResult<D>;
  view: (data: D) => ReactNode;
  editor: (form: F, setForm: (form: F) => void, errors: FieldErrors) => ReactNode;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<{ form: F; baseRevision: number } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const save = useMutation({
    mutationFn: (body: { data: D; baseRevision: number }) => saveSectionData(campaignId, sectionKey, body),
    onSuccess: (brief) => {
      queryClient.setQueryData(campaignKeys.brief(campaignId), brief);
      setEditing(null);
      setConflict(null);
      setErrors({});
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409 && error.code === 'version_conflict') {
        const current = (error.details as { current?: Conflict } | undefined)?.current;
        setConflict({ revision: current?.revision ?? revision });
        void queryClient.invalidateQueries({ queryKey: campaignKeys.brief(campaignId), exact: true });
      }
    },
  });

  const submit = (baseRevision: number) => {
    if (!editing) return;
    const result = fromForm(editing.form);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    save.mutate({ data: result.data, baseRevision });
  };

  if (!editing) {
    return (
      <div className="cp-data-block">
        <div className="cp-data-block-head">
          <h3 className="data-label">{label}</h3>
          {canEdit ? (
            <Button
              size="sm"
              variant="ghost"
              onClick={() => {
                save.reset();
                setConflict(null);
                setErrors({});
                setEditing({ form: toForm(data), baseRevision: revision });
              }}
              aria-label={t('briefUi.editData', { section: sectionTitle })}
            >
              <PencilIcon width={14} height={14} />
              {t('briefUi.editDataShort')}
            </Button>
          ) : null}
        </div>
        {view(data)}
      </div>
    );
  }

  return (
    <form
      className="cp-data-block cp-data-block-editing"
      aria-label={t('briefUi.editData', { section: sectionTitle })}
      onSubmit={(event) => {
        event.preventDefault();
        submit(editing.baseRevision);
      }}
      noValidate
    >
      <div className="cp-data-block-head">
        <h3 className="data-label">{label}</h3>
      </div>
      {conflict ? (
        <div className="alert alert-warning" role="alert">
          <div>
            <p className="alert-title">{t('briefUi.dataConflictTitle')}</p>
            <p>{t('briefUi.dataConflictText')}</p>
            <div className="cp-alert-actions">
              <Button size="sm" onClick={() => setEditing(null)}>
                {t('briefUi.dataTakeTheirs')}
              </Button>
              <Button
                size="sm"
                variant="primary"
                onClick={() => submit(conflict.revision)}
                pending={save.isPending}
              >
                {t('briefUi.dataKeepMine')}
              </Button>
            </div>
          </div>
        </div>
      ) : null}
      {save.error && !(save.error instanceof ApiError && save.error.status === 409) ? (
        <ErrorAlert error={save.error} />
      ) : null}
      {hasErrors(errors) ? (
        <p className="field-error" role="alert">
          {t('wizard.fixErrors')}
        </p>
      ) : null}
      {editor(editing.form, (form) => setEditing({ ...editing, form }), errors)}
      <div className="cp-data-block-foot">
        <Button variant="ghost" size="sm" onClick={() => setEditing(null)} disabled={save.isPending}>
          {t('briefUi.cancel')}
        </Button>
        <Button type="submit" variant="primary" size="sm" pending={save.isPending && !conflict}>
          {save.isPending ? t('briefUi.saving') : t('briefUi.save')}
        </Button>
      </div>
    </form>
  );
}
