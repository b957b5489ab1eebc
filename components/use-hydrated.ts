"use client";

import { useSyncExternalStore } from "react";

const noop = () => () => {};

/**
 * False in the server HTML and during hydration, true once React owns the page. Forms disable
 * their controls until then: a click before hydration would submit the form natively and a
 * value typed then would be lost.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}
