"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Flex, Input, InputNumber, Segmented, Select, Typography } from "antd";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/lib/queries/api";
import { environmentKeys, taskKeys } from "@/lib/queries/keys";
import { useHydrated } from "../use-hydrated";

/** "What should we code next?": prompt, environment, branch, attempts, Code / Ask. */
export function TaskComposer() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const hydrated = useHydrated();
  const environments = useQuery({ queryKey: environmentKeys.all, queryFn: ({ signal }) => api.environments({ signal }) });
  const [prompt, setPrompt] = useState("");
  const [environmentId, setEnvironmentId] = useState<string>();
  const [branch, setBranch] = useState("");
  const [attempts, setAttempts] = useState(1);
  const [mode, setMode] = useState<"code" | "ask">("code");
  const chosen = environmentId ?? environments.data?.[0]?.id;
  const create = useMutation({
    mutationFn: () => api.createTask({ environmentId: chosen!, prompt, branch: branch.trim() || undefined, attempts, mode }),
    onSuccess: (task) => {
      void queryClient.invalidateQueries({ queryKey: taskKeys.lists() });
      router.push(`/tasks/${task.id}`);
    },
    onError: (error) => void message.error(error.message),
  });

  if (environments.data?.length === 0) {
    return (
      <Card>
        <Typography.Text>
          Create an environment first: a git repository the agent works on. <Link href="/environments">Add an environment</Link>
        </Typography.Text>
      </Card>
    );
  }
  return (
    <Card>
      <Input.TextArea
        aria-label="Task prompt"
        placeholder="Describe a task"
        autoSize={{ minRows: 3, maxRows: 12 }}
        value={prompt}
        readOnly={!hydrated}
        onChange={(e) => setPrompt(e.target.value)}
      />
      <Flex gap={8} wrap style={{ marginTop: 12 }} align="center">
        <Select
          aria-label="Environment"
          showSearch
          optionFilterProp="label"
          style={{ minWidth: 200 }}
          loading={environments.isLoading}
          value={chosen}
          onChange={setEnvironmentId}
          options={environments.data?.map((e) => ({ value: e.id, label: e.label }))}
        />
        <Input aria-label="Branch" placeholder="default branch" style={{ width: 160 }} value={branch} onChange={(e) => setBranch(e.target.value)} />
        <InputNumber aria-label="Attempts" min={1} max={4} value={attempts} onChange={(v) => setAttempts(v ?? 1)} addonBefore="Attempts" style={{ width: 150 }} />
        <Segmented<"code" | "ask"> aria-label="Mode" value={mode} onChange={setMode} options={[{ value: "code", label: "Code" }, { value: "ask", label: "Ask" }]} />
        <Button type="primary" disabled={!hydrated || !prompt.trim() || !chosen} loading={create.isPending} onClick={() => create.mutate()} style={{ marginLeft: "auto" }}>
          Start task
        </Button>
      </Flex>
    </Card>
  );
}
