"use client";

import { Alert, Button, Collapse, Form, Input, InputNumber, Select, Switch } from "antd";
import { useState } from "react";
import { ApiError } from "@/lib/errors";
import { type Issue, isIssueList, issuesByField } from "@/lib/forms/issues";
import { useSaveEnvironment } from "@/lib/queries/environments";
import { APPROVAL_POLICIES, PROVIDERS, SANDBOX_MODES, type TEnvironment, ZCreateEnvironmentRequest, ZPatchEnvironmentRequest } from "@/lib/schemas/environments";
import { useT } from "../i18n/locale-provider";
import { useHydrated } from "../use-hydrated";
import { InternetFields, SecretsEditor, VariablesEditor } from "./environment-access-fields";
import { RemoteFields } from "./environment-remote-fields";
import { type EnvironmentValues, FIELD_OF_PATH, fromEnvironment, NEW_ENVIRONMENT, rowIssues, toRequest } from "./environment-values";
import { PROVIDER_LABELS } from "./provider-labels";

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

/** Create or edit an environment; the schema's and the API's errors show under their fields. */
export function EnvironmentForm({ environment, onDone }: { environment?: TEnvironment; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<EnvironmentValues>();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const hydrated = useHydrated();
  const save = useSaveEnvironment(environment?.id);
  const provider = Form.useWatch("provider", form);

  const showIssues = (issues: Issue[]) => {
    const byRow = rowIssues(issues);
    const { fields, rest } = issuesByField(byRow.rest, FIELD_OF_PATH);
    form.setFields([...Object.entries(fields).map(([name, errors]) => ({ name: name as keyof EnvironmentValues, errors })), ...byRow.rows]);
    setFormErrors(rest);
  };
  const submit = (values: EnvironmentValues) => {
    setFormErrors([]);
    const body = toRequest(values, Boolean(environment));
    const checked = (environment ? ZPatchEnvironmentRequest : ZCreateEnvironmentRequest).safeParse(body);
    if (!checked.success) return showIssues(checked.error.issues);
    save.mutate(checked.data, {
      onSuccess: onDone,
      onError: (error) => showIssues(error instanceof ApiError && isIssueList(error.details) ? error.details : [{ path: [], message: error.message }]),
    });
  };

  return (
    <Form form={form} layout="vertical" disabled={!hydrated} onFinish={submit} initialValues={environment ? fromEnvironment(environment) : NEW_ENVIRONMENT}>
      {formErrors.length > 0 && <Alert type="error" showIcon title={formErrors.join(" ")} style={{ marginBottom: 16 }} />}
      <Form.Item name="label" label={t("environments.name")}><Input /></Form.Item>
      <Form.Item name="repo" label={t("environments.repo")} extra={t("environments.repoHelp")}><Input /></Form.Item>
      <RemoteFields form={form} stored={environment?.credential} />
      <Form.Item name="defaultBranch" label={t("environments.defaultBranch")} extra={t("environments.defaultBranchHelp")}><Input /></Form.Item>
      <Form.Item name="setupScript" label={t("environments.setupScript")} extra={t("environments.setupScriptHelp")}>
        <Input.TextArea autoSize={{ minRows: 2 }} placeholder="npm ci" style={{ fontFamily: "monospace" }} />
      </Form.Item>
      <Form.Item name="provider" label={t("environments.provider")}><Select options={PROVIDERS.map((p) => ({ value: p, label: t(PROVIDER_LABELS[p]) }))} /></Form.Item>
      {provider !== "demo" && <Form.Item name="modelName" label={t("environments.model")} extra={t("environments.modelHelp")}><Input /></Form.Item>}
      {provider === "custom" && <Form.Item name="baseUrl" label={t("environments.baseUrl")}><Input placeholder="https://llm.example.com/v1" /></Form.Item>}
      {provider !== "demo" && (
        <Form.Item name="apiKey" label={t("environments.apiKey")} extra={t(environment?.model.hasApiKey ? "environments.apiKeyKept" : "environments.apiKeyNew")}>
          <Input.Password autoComplete="off" />
        </Form.Item>
      )}
      <InternetFields form={form} />
      <VariablesEditor />
      <SecretsEditor form={form} />
      <Form.Item name="approvalPolicy" label={t("environments.approvalPolicy")}><Select options={options(APPROVAL_POLICIES)} /></Form.Item>
      <Form.Item name="sandbox" label={t("environments.sandbox")}><Select options={options(SANDBOX_MODES)} /></Form.Item>
      <Form.Item name="readOnlyCommands" label={t("environments.readOnlyCommands")} valuePropName="checked"><Switch /></Form.Item>
      <Form.Item name="commandPrefixes" label={t("environments.commandPrefixes")} extra={t("environments.commandPrefixesHelp")}>
        <Select mode="tags" placeholder="npm test" open={false} suffixIcon={null} />
      </Form.Item>
      <Form.Item name="approvalTimeoutSec" label={t("environments.approvalTimeout")} extra={t("environments.approvalTimeoutHelp")}>
        <InputNumber min={10} max={86_400} />
      </Form.Item>
      <Collapse ghost items={[{ key: "advanced", label: t("environments.advanced"), forceRender: true, children: (
        <Form.Item name="codexConfig" label={t("environments.codexConfig")}>
          <Input.TextArea autoSize={{ minRows: 3 }} style={{ fontFamily: "monospace" }} placeholder={"[mcp_servers.docs]\ncommand = \"npx\""} />
        </Form.Item>
      ) }]} style={{ marginBottom: 16 }} />
      <Button type="primary" htmlType="submit" loading={save.isPending}>{t(environment ? "environments.saveChanges" : "environments.createEnvironment")}</Button>
    </Form>
  );
}
