"use client";

import { SendOutlined } from "@ant-design/icons";
import { App, Button, Flex, Input, Segmented } from "antd";
import { useState } from "react";
import { useSendMessage } from "@/lib/queries/tasks";
import { useT } from "../i18n/locale-provider";

interface Props {
  taskId: string;
  attempt: number;
  attempts: number;
  /** Whether the selected attempt, and whether any attempt, is still working. */
  busy: { selected: boolean; any: boolean };
}

type Target = "one" | "all";

/**
 * A follow-up turn for the selected attempt or for all of them; while a turn runs, the text
 * joins that turn instead (steering). Ctrl+Enter sends.
 */
export function FollowUp({ taskId, attempt, attempts, busy }: Props) {
  const { message } = App.useApp();
  const t = useT();
  const [text, setText] = useState("");
  const [target, setTarget] = useState<Target>("one");
  const send = useSendMessage(taskId);
  const all = attempts > 1 && target === "all";
  const working = all ? busy.any : busy.selected;
  const submit = () => {
    if (!text.trim()) return;
    send.mutate(
      { text, attempt: all ? undefined : attempt },
      {
        onSuccess: (answer) => (setText(""), answer.steered && void message.success(t("task.steered"))),
        onError: (error) => void message.error(error.message),
      },
    );
  };
  return (
    <Flex vertical gap={8}>
      {attempts > 1 && (
        <Segmented<Target>
          aria-label={t("task.sendTo")}
          value={target}
          onChange={setTarget}
          options={[{ value: "one", label: t("task.thisAttempt") }, { value: "all", label: t("task.allAttempts") }]}
          style={{ alignSelf: "start" }}
        />
      )}
      <Flex gap={8} align="end">
        <Input.TextArea
          aria-label={t("task.followUp")}
          placeholder={t(working ? "task.followUpSteer" : "task.followUpPlaceholder")}
          autoSize={{ minRows: 1, maxRows: 8 }}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => e.key === "Enter" && (e.ctrlKey || e.metaKey) && submit()}
        />
        <Button type="primary" icon={<SendOutlined />} disabled={!text.trim()} loading={send.isPending} onClick={submit}>{t("task.send")}</Button>
      </Flex>
    </Flex>
  );
}
