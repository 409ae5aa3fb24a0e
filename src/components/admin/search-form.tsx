import Form from "next/form";

/** A GET form, so the search lives in the URL and works before JavaScript loads. */
export function SearchForm({ action, q, label }: { action: string; q?: string; label: string }) {
  return (
    <Form action={action} className="row" role="search">
      <label htmlFor="admin-search" className="visually-hidden">
        {label}
      </label>
      <input
        id="admin-search"
        name="q"
        type="search"
        className="input"
        defaultValue={q}
        placeholder={label}
        maxLength={100}
      />
      <button type="submit" className="button button--secondary">
        Search
      </button>
    </Form>
  );
}
