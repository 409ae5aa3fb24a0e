import Link from "next/link";

export const metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <div className="empty-state" data-testid="not-found">
      <h1>Page not found</h1>
      <p>We couldn’t find what you were looking for. It may have been moved or sold out for good.</p>
      <Link href="/" className="button">
        Back to the shop
      </Link>
    </div>
  );
}
