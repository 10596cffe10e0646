"use client";
// The notification channel's form and the test button (管理 → 通知渠道).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { saveNotifyChannel } from "@/lib/actions/admin/save-notify-channel";
import { sendTestNotification } from "@/lib/actions/admin/send-test-notification";
import { NOTIFY_CHANNEL_KINDS } from "@/lib/validation/notify";
import type { ChannelView } from "@/lib/notify/admin";
import { FormStatus, SelectField, SubmitButton, TextField, errorsOf, initialActionState, useFields } from "./form-bits";

export function ChannelForm({ channel }: { channel: ChannelView }) {
  const t = useTranslations("admin.notify");
  const [state, action, pending] = useActionState(saveNotifyChannel, initialActionState);
  const { values, set } = useFields({
    kind: channel.kind as string,
    url: channel.url ?? "",
    secret: "",
    clearSecret: "off",
    enabled: channel.enabled ? "on" : "off",
  });
  const needsUrl = values.kind !== "log";
  return (
    <form action={action} noValidate className="space-y-3" data-testid="notify-channel-form">
      <input type="hidden" name="version" value={channel.version} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          name="kind"
          label={t("kindLabel")}
          value={values.kind}
          onChange={(v) => set("kind", v)}
          errors={errorsOf(state, "kind")}
          required
          options={NOTIFY_CHANNEL_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
        <SelectField
          name="enabled"
          label={t("enabled")}
          value={values.enabled}
          onChange={(v) => set("enabled", v)}
          errors={errorsOf(state, "enabled")}
          options={[
            { value: "on", label: t("enabledOn") },
            { value: "off", label: t("enabledOff") },
          ]}
        />
      </div>
      {needsUrl && (
        <>
          <TextField
            name="url"
            label={t("url")}
            value={values.url}
            onChange={(v) => set("url", v)}
            errors={errorsOf(state, "url")}
            maxLength={500}
            required
            hint={t("urlHint")}
          />
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              name="secret"
              type="password"
              autoComplete="off"
              label={t("secret")}
              value={values.secret}
              onChange={(v) => set("secret", v)}
              errors={errorsOf(state, "secret")}
              maxLength={200}
              hint={t("secretHint", { state: channel.secretSet ? t("secretSet") : t("secretUnset") })}
            />
            {channel.secretSet && (
              <SelectField
                name="clearSecret"
                label={t("clearSecret")}
                value={values.clearSecret}
                onChange={(v) => set("clearSecret", v)}
                errors={errorsOf(state, "clearSecret")}
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
      <FormStatus state={state} />
      <SubmitButton pending={pending}>{t("save")}</SubmitButton>
    </form>
  );
}

export function TestButton() {
  const t = useTranslations("admin.notify");
  const [state, action, pending] = useActionState(sendTestNotification, initialActionState);
  return (
    <form action={action} className="space-y-2">
      <p className="text-xs text-stone-600">{t("testHint")}</p>
      <FormStatus state={state} />
      <SubmitButton pending={pending} tone="plain">
        {t("test")}
      </SubmitButton>
    </form>
  );
}
