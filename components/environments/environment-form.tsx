"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Form, Input, InputNumber, Select, Switch } from "antd";
import { ApiError } from "@/lib/errors";
import { api } from "@/lib/queries/api";
import { environmentKeys } from "@/lib/queries/keys";
import { APPROVAL_POLICIES, PROVIDER_LABELS, PROVIDERS, SANDBOX_MODES, type TCreateEnvironmentRequest } from "@/lib/schemas/environments";
import { useHydrated } from "../use-hydrated";

interface Values {
  label: string;
  repo: string;
  defaultBranch?: string;
  setupScript?: string;
  provider: (typeof PROVIDERS)[number];
  approvalPolicy: (typeof APPROVAL_POLICIES)[number];
  sandbox: (typeof SANDBOX_MODES)[number];
  readOnlyCommands: boolean;
  commandPrefixes?: string[];
  approvalTimeoutSec: number;
}

const toRequest = (v: Values): TCreateEnvironmentRequest => ({
  label: v.label,
  repo: v.repo,
  defaultBranch: v.defaultBranch?.trim() || undefined,
  setupScript: v.setupScript?.trim() || undefined,
  model: { provider: v.provider },
  approvalPolicy: v.approvalPolicy,
  sandbox: v.sandbox,
  autoApprove: { readOnlyCommands: v.readOnlyCommands, commandPrefixes: v.commandPrefixes ?? [] },
  approvalTimeoutSec: v.approvalTimeoutSec,
});

/** Create an environment; the API's field errors are shown under their fields. */
export function EnvironmentForm({ onDone }: { onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const save = useMutation({
    mutationFn: (values: Values) => api.createEnvironment(toRequest(values)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: environmentKeys.all });
      form.resetFields();
      onDone();
    },
    onError: (error) => {
      const issues = error instanceof ApiError && Array.isArray(error.details) ? (error.details as Array<{ path: string[]; message: string }>) : [];
      const field = issues[0]?.path[0] ?? "repo";
      form.setFields([{ name: field === "model" ? "provider" : (field as keyof Values), errors: [error.message] }]);
    },
  });
  return (
    <Form form={form} layout="vertical" disabled={!hydrated} onFinish={(v) => save.mutate(v)}
      initialValues={{ provider: "demo", approvalPolicy: "untrusted", sandbox: "workspace-write", readOnlyCommands: false, approvalTimeoutSec: 300 }}>
      <Form.Item name="label" label="Name" rules={[{ required: true, message: "Give the environment a name." }]}><Input /></Form.Item>
      <Form.Item name="repo" label="Repository" extra="An absolute path of a git repository on this server, or a git URL." rules={[{ required: true, message: "Give a repository path." }]}><Input /></Form.Item>
      <Form.Item name="defaultBranch" label="Default branch" extra="Detected from the repository when empty."><Input /></Form.Item>
      <Form.Item name="setupScript" label="Setup script"><Input.TextArea autoSize={{ minRows: 2 }} placeholder="npm ci" /></Form.Item>
      <Form.Item name="provider" label="Model provider"><Select options={PROVIDERS.map((p) => ({ value: p, label: PROVIDER_LABELS[p] }))} /></Form.Item>
      <Form.Item name="approvalPolicy" label="Approval policy"><Select options={APPROVAL_POLICIES.map((p) => ({ value: p, label: p }))} /></Form.Item>
      <Form.Item name="sandbox" label="Sandbox"><Select options={SANDBOX_MODES.map((p) => ({ value: p, label: p }))} /></Form.Item>
      <Form.Item name="readOnlyCommands" label="Approve read-only commands automatically" valuePropName="checked"><Switch /></Form.Item>
      <Form.Item name="commandPrefixes" label="Always allowed command prefixes"><Select mode="tags" placeholder="npm test" /></Form.Item>
      <Form.Item name="approvalTimeoutSec" label="Approval timeout (seconds)"><InputNumber min={10} max={86_400} /></Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>Create environment</Button>
    </Form>
  );
}
