"use client";

import { Checkbox, Form, Input, Select } from "antd";
import type { FormInstance } from "antd";
import type { MessageKey } from "@/lib/i18n/translate";
import { FORGE_KINDS, remoteTransport, type TForgeKind } from "@/lib/schemas/environment-remote";
import type { TEnvironment } from "@/lib/schemas/environments";
import { useT } from "../i18n/locale-provider";
import type { EnvironmentValues } from "./environment-values";

const FORGE_LABELS: Record<TForgeKind, MessageKey> = {
  github: "environments.forgeGithub",
  gitlab: "environments.forgeGitlab",
  gitea: "environments.forgeGitea",
};

/**
 * A remote repository's credential (a token for https, a deploy key for ssh; write-only: a
 * stored one shows as set, kept when left empty, removable) and its forge. Nothing for a path.
 */
export function RemoteFields({ form, stored }: { form: FormInstance<EnvironmentValues>; stored: TEnvironment["credential"] | undefined }) {
  const t = useT();
  const transport = remoteTransport(Form.useWatch("repo", form));
  if (!transport) return null;
  const kept = stored ? t("environments.credentialKept") : undefined;
  return (
    <>
      {transport === "https" && (
        <Form.Item name="token" label={t("environments.token")} extra={t("environments.tokenHelp")}>
          <Input.Password autoComplete="new-password" placeholder={kept} />
        </Form.Item>
      )}
      {transport === "ssh" && (
        <Form.Item name="sshKey" label={t("environments.sshKey")} extra={t("environments.sshKeyHelp")}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} spellCheck={false} autoComplete="off" placeholder={kept ?? "-----BEGIN OPENSSH PRIVATE KEY-----"} style={{ fontFamily: "monospace" }} />
        </Form.Item>
      )}
      {stored && transport !== "git" && (
        <Form.Item name="clearCredential" valuePropName="checked" style={{ marginTop: -8 }}>
          <Checkbox>{t("environments.credentialClear")}</Checkbox>
        </Form.Item>
      )}
      <Form.Item name="forgeKind" label={t("environments.forge")} extra={t("environments.forgeHelp")}>
        <Select allowClear placeholder={t("environments.forgeDetect")} options={FORGE_KINDS.map((k) => ({ value: k, label: t(FORGE_LABELS[k]) }))} />
      </Form.Item>
      <Form.Item name="forgeApiUrl" label={t("environments.forgeApiUrl")} extra={t("environments.forgeApiUrlHelp")}>
        <Input placeholder="https://git.example.com/api/v1" />
      </Form.Item>
    </>
  );
}
