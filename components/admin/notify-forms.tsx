"use client";
// The notification channel's form and the test button (管理 → 通知渠道).
import { useTranslations } from "next-intl";
import { saveNotifyChannel } from "@/lib/actions/admin/save-notify-channel";
import { sendTestNotification } from "@/lib/actions/admin/send-test-notification";
import { NOTIFY_CHANNEL_KINDS } from "@/lib/validation/notify";
import type { ChannelView } from "@/lib/notify/admin";
import { SelectField, StatusLine, SubmitButton, TextField } from "@/components/ui/form";
import { schemaOf, useFormAction, useFormValues } from "@/components/ui/use-form-action";
import { bindFields } from "@/components/ui/bind-fields";
import type { saveNotifyChannelSchema, sendTestNotificationSchema } from "@/lib/validation/notify";

export function ChannelForm({ channel }: { channel: ChannelView }) {
  const t = useTranslations("admin.notify");
  const { state, dispatch: action, pending, fields } = useFormAction(saveNotifyChannel, schemaOf<typeof saveNotifyChannelSchema>());
  const { values, set } = useFormValues({
    kind: channel.kind as string,
    url: channel.url ?? "",
    secret: "",
    clearSecret: "off",
    enabled: channel.enabled ? "on" : "off",
  });
  const field = bindFields(fields, values, set);
  const needsUrl = values.kind !== "log";
  return (
    <form action={action} noValidate className="space-y-3" data-testid="notify-channel-form">
      <input type="hidden" name="version" value={channel.version} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          {...field("kind")}
          label={t("kindLabel")}
          required
          options={NOTIFY_CHANNEL_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
        <SelectField
          {...field("enabled")}
          label={t("enabled")}
          options={[
            { value: "on", label: t("enabledOn") },
            { value: "off", label: t("enabledOff") },
          ]}
        />
      </div>
      {needsUrl && (
        <>
          <TextField {...field("url")} label={t("url")} maxLength={500} required hint={t("urlHint")} />
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              {...field("secret")}
              type="password"
              autoComplete="off"
              label={t("secret")}
              maxLength={200}
              hint={t("secretHint", { state: channel.secretSet ? t("secretSet") : t("secretUnset") })}
            />
            {channel.secretSet && (
              <SelectField
                {...field("clearSecret")}
                label={t("clearSecret")}
                options={[
                  { value: "off", label: t("keepSecret") },
                  { value: "on", label: t("dropSecret") },
                ]}
              />
            )}
          </div>
        </>
      )}
      {!needsUrl && <input type="hidden" name="url" value="" />}
      <StatusLine state={state} />
      <SubmitButton showPending pending={pending}>
        {t("save")}
      </SubmitButton>
    </form>
  );
}

export function TestButton() {
  const t = useTranslations("admin.notify");
  const { state, dispatch: action, pending } = useFormAction(sendTestNotification, schemaOf<typeof sendTestNotificationSchema>());
  return (
    <form action={action} className="space-y-2">
      <p className="text-xs text-stone-600">{t("testHint")}</p>
      <StatusLine state={state} />
      <SubmitButton showPending pending={pending} tone="plain">
        {t("test")}
      </SubmitButton>
    </form>
  );
}
