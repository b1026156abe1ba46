"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** While work runs in the background (an import, a scan), the page reads its progress again every two seconds. */
export function RefreshWhileRunning({ running }: { running: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [running, router]);
  return null;
}
