import Link from "next/link";

interface EmptyStateProps {
  testId: string;
  message: string;
  action?: { href: string; label: string; primary?: boolean };
}

export function EmptyState({ testId, message, action }: EmptyStateProps) {
  return (
    <div className="empty-state" data-testid={testId}>
      <p>{message}</p>
      {action ? (
        <Link href={action.href} className={action.primary === false ? undefined : "button"}>
          {action.label}
        </Link>
      ) : null}
    </div>
  );
}
