import type { enServer } from '../en/server.ts';

export const ruServer: Record<keyof typeof enServer, string> = {
  'error.validation_failed': 'Некоторые поля заполнены неверно. Проверьте подробности и попробуйте снова.',
  'error.invalid_json': 'Тело запроса — некорректный JSON.',
  'error.body_too_large': 'Тело запроса слишком большое (предел {limitKb, number} КБ).',
  'error.unsupported_media_type': 'Этот тип содержимого здесь не принимается.',
  'error.not_found': 'По этому адресу ничего не найдено.',
  'error.unauthenticated': 'Войдите, чтобы продолжить.',
  'error.forbidden': 'У вас нет прав на это действие.',
  'error.rate_limited':
    'Слишком много попыток. Повторите через {seconds, plural, one {# секунду} few {# секунды} many {# секунд} other {# секунды}}.',
  'error.internal': 'У нас что-то пошло не так. Ошибка записана в журнал.',
  'error.method_not_allowed': 'Этот метод здесь не поддерживается.',
  'error.invalid_credentials': 'Неверный email или пароль.',
  'error.email_taken': 'Аккаунт с таким email уже существует.',
  'error.invite_required': 'Этот экземпляр уже настроен. Попросите администратора прислать приглашение.',
  'error.invite_invalid': 'Приглашение недействительно, уже использовано или истекло.',
  'error.invite_email_mismatch': 'Это приглашение отправлено на другой email.',
  'error.role_not_allowed': 'Вы не можете выдать роль «{role}».',
  'error.invalid_time_zone': '«{timeZone}» — неизвестный часовой пояс IANA.',
  'error.weak_password':
    'Пароль должен быть не короче {min, plural, one {# символа} few {# символов} many {# символов} other {# символа}}.',
  'error.token_not_found': 'Такого API-токена нет.',
  'error.setup_done': 'Аккаунт владельца уже создан.',
  'error.local_time_nonexistent':
    '{local} не существует в поясе {timeZone}: часы перескакивают это время. Выберите «раньше» или «позже».',
  'error.local_time_ambiguous':
    '{local} наступает дважды в поясе {timeZone}: часы переводятся назад. Выберите «раньше» или «позже».',
  'validation.required': 'Обязательное поле.',
  'validation.invalid_type': 'Ожидается {expected}.',
  'validation.unrecognized_keys': 'Неизвестное поле: {keys}.',
  'validation.too_small_string':
    'Не короче {minimum, plural, one {# символа} few {# символов} many {# символов} other {# символа}}.',
  'validation.too_big_string':
    'Не длиннее {maximum, plural, one {# символа} few {# символов} many {# символов} other {# символа}}.',
  'validation.invalid_email': 'Нужен корректный адрес email.',
  'validation.invalid_value': 'Допустимые значения: {options}.',
  'validation.invalid': 'Недопустимое значение.',
};
