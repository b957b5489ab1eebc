"use client";

import { Tag, Tooltip } from "antd";
import type { TEnvironment } from "@/lib/schemas/environments";
import { useT } from "../i18n/locale-provider";

/** An environment's internet access, variables and secrets (by name) at a glance. */
export function EnvironmentAccessTags({ environment: e }: { environment: TEnvironment }) {
  const t = useT();
  const domains = e.internet === "on" ? e.allowedDomains : [];
  const internet =
    e.internet === "off"
      ? t("environments.internetTagOff")
      : e.internet === "setup"
        ? t("environments.internetTagSetup")
        : domains.length > 0
          ? t("environments.internetTagDomains", { count: domains.length })
          : t("environments.internetTagOn");
  const names = (list: { name: string }[]) => list.map((v) => v.name).join(", ");
  return (
    <>
      <Tooltip title={domains.length > 0 ? domains.join(", ") : undefined}>
        <Tag>{internet}</Tag>
      </Tooltip>
      {e.variables.length > 0 && (
        <Tooltip title={names(e.variables)}>
          <Tag>{t("environments.variableCount", { count: e.variables.length })}</Tag>
        </Tooltip>
      )}
      {e.secrets.length > 0 && (
        <Tooltip title={names(e.secrets)}>
          <Tag>{t("environments.secretCount", { count: e.secrets.length })}</Tag>
        </Tooltip>
      )}
    </>
  );
}
