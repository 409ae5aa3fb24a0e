"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

/** Pause or resume one code; the list and the detail both refresh from the server afterwards. */
export function DiscountPauseButton({
  discount,
  onChanged,
}: {
  discount: { id: string; code: string; pausedAt: string | null };
  onChanged?: (message: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = {
    onSuccess: (updated: { code: string; pausedAt: string | null }) => {
      onChanged?.(
        updated.pausedAt
          ? `${updated.code} is paused: checkout refuses it until you resume it.`
          : `${updated.code} is resumed: checkout accepts it again within its dates and limits.`,
      );
      return queryClient.invalidateQueries(trpc.admin.discounts.pathFilter());
    },
  };
  const pause = useMutation(trpc.admin.discounts.pause.mutationOptions(options));
  const resume = useMutation(trpc.admin.discounts.resume.mutationOptions(options));
  const paused = discount.pausedAt !== null;
  const mutation = paused ? resume : pause;
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        disabled={mutation.isPending}
        data-testid={paused ? "resume-discount" : "pause-discount"}
        onClick={() => mutation.mutate({ id: discount.id })}
      >
        {mutation.isPending ? "Saving…" : paused ? "Resume" : "Pause"}
        <span className="visually-hidden"> {discount.code}</span>
      </button>
      {mutation.isError ? (
        <span className="field__error" role="alert">
          {errorMessage(mutation.error)}
        </span>
      ) : null}
    </>
  );
}
