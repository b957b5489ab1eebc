"use client";

import { Alert, Button, Collapse, Form, Input, InputNumber, Select, Switch } from "antd";
import { useState } from "react";
import { ApiError } from "@/lib/errors";
import { type Issue, isIssueList, issuesByField } from "@/lib/forms/issues";
import { useSaveEnvironment } from "@/lib/queries/environments";
import { APPROVAL_POLICIES, PROVIDER_LABELS, PROVIDERS, SANDBOX_MODES, type TEnvironment, ZCreateEnvironmentRequest, ZPatchEnvironmentRequest } from "@/lib/schemas/environments";
import { useHydrated } from "../use-hydrated";
import { type EnvironmentValues, FIELD_OF_PATH, fromEnvironment, NEW_ENVIRONMENT, toRequest } from "./environment-values";

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

/** Create or edit an environment; the schema's and the API's errors show under their fields. */
export function EnvironmentForm({ environment, onDone }: { environment?: TEnvironment; onDone: () => void }) {
  const [form] = Form.useForm<EnvironmentValues>();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const hydrated = useHydrated();
  const save = useSaveEnvironment(environment?.id);
  const provider = Form.useWatch("provider", form);

  const showIssues = (issues: Issue[]) => {
    const { fields, rest } = issuesByField(issues, FIELD_OF_PATH);
    form.setFields(Object.entries(fields).map(([name, errors]) => ({ name: name as keyof EnvironmentValues, errors })));
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
      <Form.Item name="label" label="Name"><Input /></Form.Item>
      <Form.Item name="repo" label="Repository" extra="An absolute path of a git repository on this server, or a git URL."><Input /></Form.Item>
      <Form.Item name="defaultBranch" label="Default branch" extra="Detected from the repository when empty."><Input /></Form.Item>
      <Form.Item name="setupScript" label="Setup script" extra="Runs in each new workspace before the agent starts.">
        <Input.TextArea autoSize={{ minRows: 2 }} placeholder="npm ci" style={{ fontFamily: "monospace" }} />
      </Form.Item>
      <Form.Item name="provider" label="Model provider"><Select options={PROVIDERS.map((p) => ({ value: p, label: PROVIDER_LABELS[p] }))} /></Form.Item>
      {provider !== "demo" && <Form.Item name="modelName" label="Model" extra="The provider's default when empty."><Input /></Form.Item>}
      {provider === "custom" && <Form.Item name="baseUrl" label="Base URL"><Input placeholder="https://llm.example.com/v1" /></Form.Item>}
      {provider !== "demo" && (
        <Form.Item name="apiKey" label="API key" extra={environment?.model.hasApiKey ? "A key is stored; leave empty to keep it." : "Stored encrypted, never shown again."}>
          <Input.Password autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item name="approvalPolicy" label="Approval policy"><Select options={options(APPROVAL_POLICIES)} /></Form.Item>
      <Form.Item name="sandbox" label="Sandbox"><Select options={options(SANDBOX_MODES)} /></Form.Item>
      <Form.Item name="readOnlyCommands" label="Approve read-only commands automatically" valuePropName="checked"><Switch /></Form.Item>
      <Form.Item name="commandPrefixes" label="Always allowed command prefixes" extra="Commands starting with these run without asking.">
        <Select mode="tags" placeholder="npm test" open={false} suffixIcon={null} />
      </Form.Item>
      <Form.Item name="approvalTimeoutSec" label="Approval timeout (seconds)" extra="A request nobody answers is declined after this.">
        <InputNumber min={10} max={86_400} />
      </Form.Item>
      <Collapse ghost items={[{ key: "advanced", label: "Advanced", forceRender: true, children: (
        <Form.Item name="codexConfig" label="Extra Codex configuration (config.toml)">
          <Input.TextArea autoSize={{ minRows: 3 }} style={{ fontFamily: "monospace" }} placeholder={"[mcp_servers.docs]\ncommand = \"npx\""} />
        </Form.Item>
      ) }]} style={{ marginBottom: 16 }} />
      <Button type="primary" htmlType="submit" loading={save.isPending}>{environment ? "Save changes" : "Create environment"}</Button>
    </Form>
  );
}
