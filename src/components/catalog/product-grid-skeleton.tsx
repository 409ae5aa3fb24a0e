export function ProductGridSkeleton({ count = 8 }: { count?: number }) {
  return (
    <ul className="product-grid" aria-busy="true" aria-label="Loading products">
      {Array.from({ length: count }, (_, index) => (
        <li key={index}>
          <div className="product-card">
            <div className="skeleton skeleton--image" />
            <div className="product-card__body">
              <div className="skeleton skeleton--line" style={{ width: "70%" }} />
              <div className="skeleton skeleton--line" style={{ width: "30%" }} />
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
