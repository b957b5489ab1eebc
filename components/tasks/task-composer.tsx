"use client";

import { App, AutoComplete, Button, Card, Flex, Input, InputNumber, Segmented, Select, Typography } from "antd";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useEnvironmentBranches, useEnvironments } from "@/lib/queries/environments";
import { useCreateTask } from "@/lib/queries/tasks";
import { useT } from "../i18n/locale-provider";
import { useIsAdmin } from "../shell/viewer";
import { useHydrated } from "../use-hydrated";

type Mode = "code" | "ask";

/** "What should we code next?": prompt, environment, branch, attempts, Code / Ask. */
export function TaskComposer() {
  const router = useRouter();
  const t = useT();
  const { message } = App.useApp();
  const hydrated = useHydrated();
  const admin = useIsAdmin();
  const environments = useEnvironments();
  const create = useCreateTask();
  const [prompt, setPrompt] = useState("");
  const [environmentId, setEnvironmentId] = useState<string>();
  const [branch, setBranch] = useState<string>();
  const [attempts, setAttempts] = useState(1);
  const [mode, setMode] = useState<Mode>("code");
  const environment = environments.data?.find((e) => e.id === environmentId) ?? environments.data?.[0];
  const branchValue = branch ?? environment?.defaultBranch ?? "";
  const branches = useEnvironmentBranches(environment?.id);
  const branchNames = branches.data?.map((b) => b.name) ?? [];
  const ready = hydrated && prompt.trim() !== "" && environment !== undefined;
  const submit = () =>
    ready &&
    create.mutate(
      { environmentId: environment.id, prompt, branch: branchValue.trim() || undefined, attempts, mode },
      { onSuccess: (task) => router.push(`/tasks/${task.id}`), onError: (error) => void message.error(error.message) },
    );

  if (environments.data?.length === 0) {
    return (
      <Card>
        {admin ? (
          <Typography.Text>
            {t("tasks.needEnvironment")} <Link href="/environments">{t("tasks.addEnvironment")}</Link>
          </Typography.Text>
        ) : (
          <Typography.Text>{t("members.askAdmin")}</Typography.Text>
        )}
      </Card>
    );
  }
  return (
    <Card>
      <Input.TextArea
        aria-label={t("tasks.prompt")}
        placeholder={t("tasks.promptPlaceholder")}
        autoSize={{ minRows: 3, maxRows: 12 }}
        value={prompt}
        readOnly={!hydrated}
        onChange={(e) => setPrompt(e.target.value)}
        onKeyDown={(e) => e.key === "Enter" && (e.ctrlKey || e.metaKey) && submit()}
      />
      <Flex gap={8} wrap style={{ marginTop: 12 }} align="center">
        <Select aria-label={t("tasks.environment")} showSearch optionFilterProp="label" style={{ minWidth: 200 }} loading={environments.isLoading}
          value={environment?.id} onChange={(id: string) => (setEnvironmentId(id), setBranch(undefined))}
          options={environments.data?.map((e) => ({ value: e.id, label: e.label }))} />
        <AutoComplete aria-label={t("tasks.branch")} placeholder={t("tasks.branchPlaceholder")} style={{ width: 200 }} value={branchValue} onChange={(v: string) => setBranch(v)}
          options={branchNames.map((name) => ({ value: name }))}
          // A branch already chosen shows every branch; typed text narrows them.
          showSearch={{ filterOption: (input, option) => branchNames.includes(input) || String(option?.value ?? "").toLowerCase().includes(input.toLowerCase()) }} />
        <InputNumber aria-label={t("tasks.attempts")} min={1} max={4} value={attempts} onChange={(v) => setAttempts(v ?? 1)} prefix={t("tasks.attempts")} style={{ width: 130 }} />
        <Segmented<Mode> aria-label={t("tasks.mode")} value={mode} onChange={setMode} options={[{ value: "code", label: t("tasks.modeCode") }, { value: "ask", label: t("tasks.modeAsk") }]} />
        <Button type="primary" disabled={!ready} loading={create.isPending} onClick={submit} style={{ marginLeft: "auto" }}>
          {t("tasks.start")}
        </Button>
      </Flex>
    </Card>
  );
}
