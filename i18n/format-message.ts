// `use-intl/format-message` on the server (next.config.js aliases it here; the browser gets the
// format-only one). Server components format the request config's raw ICU strings; client
// components rendered on the server get the compiled messages their provider carries
// (i18n/compiled-messages.ts): an array is compiled, a string is a plain text or a raw message.
// The two formatters are imported by file: their package name is the alias.
// @ts-expect-error -- a file of use-intl's, no declarations at this path
import formatRaw from "../node_modules/use-intl/dist/esm/production/format-message/index.js";
// @ts-expect-error -- a file of use-intl's, no declarations at this path
import formatCompiled from "../node_modules/use-intl/dist/esm/production/format-message/format-only.js";

type Format = ((...args: unknown[]) => unknown) & { raw?: boolean };

export default function formatMessage(...args: unknown[]): unknown {
  return Array.isArray(args[1]) ? (formatCompiled as Format)(...args) : (formatRaw as Format)(...args);
}
// t.raw reads the source message (server components only)
formatMessage.raw = true;
