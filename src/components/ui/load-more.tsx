"use client";

interface LoadMoreProps {
  /** What the list holds, for the button and messages ("products", "orders"). */
  noun: string;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isError: boolean;
  fetchNextPage: () => unknown;
  /** Shown once everything is loaded; omitted means nothing is shown. */
  endMessage?: string;
}

/** The footer of an infinite list: a button, its loading state, and errors announced politely. */
export function LoadMore({ noun, hasNextPage, isFetchingNextPage, isError, fetchNextPage, endMessage }: LoadMoreProps) {
  return (
    <div className="load-more" aria-live="polite">
      {isError ? <p className="notice notice--error">Could not load more {noun}. Try again.</p> : null}
      {hasNextPage ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void fetchNextPage()}
          disabled={isFetchingNextPage}
        >
          {isFetchingNextPage ? "Loading…" : `Load more ${noun}`}
        </button>
      ) : endMessage ? (
        <p className="stock">{endMessage}</p>
      ) : null}
    </div>
  );
}
