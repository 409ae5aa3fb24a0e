"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/lib/format-date";
import type { JobSummary } from "@/lib/contracts/jobs";
import { jobStates } from "@/lib/contracts/jobs";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

type JobState = (typeof jobStates)[number];

const stateLabels: Record<JobState, string> = {
  failed: "Failed",
  retry: "Waiting to retry",
  active: "Running",
  created: "Queued",
};

function RetryButton({ job }: { job: JobSummary }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const retry = useMutation(
    trpc.admin.jobs.retry.mutationOptions({
      onSettled: () => queryClient.invalidateQueries(trpc.admin.jobs.pathFilter()),
    }),
  );
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        disabled={retry.isPending}
        onClick={() => retry.mutate({ id: job.id })}
      >
        {retry.isPending ? "Retrying…" : "Retry"}
        <span className="visually-hidden"> job {job.id}</span>
      </button>
      <span aria-live="polite">
        {retry.isError ? <span className="field__error">{errorMessage(retry.error)}</span> : null}
      </span>
    </>
  );
}

export function AdminJobs({ state }: { state: JobState }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.admin.jobs.list.queryOptions({ state }));
  const total = (wanted: JobState) =>
    data.counts.filter((count) => count.state === wanted).reduce((sum, count) => sum + count.count, 0);
  return (
    <div className="stack">
      <nav className="row" aria-label="Job states">
        {jobStates.map((option) => (
          <Link key={option} href={`/admin/jobs?state=${option}`} aria-current={option === state ? "page" : undefined}>
            {stateLabels[option]} ({total(option)})
          </Link>
        ))}
      </nav>
      {data.items.length === 0 ? (
        <EmptyState testId="no-jobs" message={`No ${stateLabels[state].toLowerCase()} jobs.`} />
      ) : (
        <div className="table-scroll">
          <table className="table table--stack" data-testid="admin-jobs">
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last error</th>
                <th scope="col">When</th>
                {state === "failed" ? <th scope="col">Action</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.items.map((job) => (
                <tr key={job.id} data-testid="admin-job-row">
                  <td data-label="Job">
                    {job.queue}
                    <br />
                    <span className="stock">{job.id}</span>
                  </td>
                  <td data-label="Attempts">
                    {job.attempts} of {job.maxAttempts}
                  </td>
                  <td data-label="Last error">{job.lastError ?? "—"}</td>
                  <td data-label="When">{formatDateTime(job.updatedAt ?? job.createdAt)}</td>
                  {state === "failed" ? (
                    <td data-label="Action">
                      <RetryButton job={job} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
