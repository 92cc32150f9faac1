/**
 * The import layouts, shared by the server (which parses them) and the web app (which maps
 * columns and checks a file before uploading). Documented in src/server/modules/metrics/README.md.
 */

/** Fields of the generic post-metrics layout, in the order the column-mapping step shows them. */
export const METRIC_FIELDS = [
  'creator',
  'engagement_id',
  'promo_code',
  'platform',
  'post_url',
  'posted_at',
  'measured_at',
  'reach',
  'impressions',
  'views',
  'likes',
  'comments',
  'shares',
  'saves',
  'clicks',
] as const;
export type MetricField = (typeof METRIC_FIELDS)[number];

/** Any one of these says whose post a row is. */
export const IDENTITY_FIELDS = [
  'creator',
  'engagement_id',
  'promo_code',
] as const satisfies readonly MetricField[];

/** The counted figures; a file needs at least one of them. */
export const COUNT_FIELDS = [
  'reach',
  'impressions',
  'views',
  'likes',
  'comments',
  'shares',
  'saves',
  'clicks',
] as const satisfies readonly MetricField[];

/** Columns a Shopify orders export must have. */
export const SHOPIFY_REQUIRED_COLUMNS = [
  'Name',
  'Currency',
  'Total',
  'Discount Code',
  'Created at',
  'Lineitem quantity',
] as const;
