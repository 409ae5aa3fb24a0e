const LOW_STOCK = 5;

export function StockLabel({ stock }: { stock: number }) {
  if (stock <= 0) return <span className="stock stock--out">Sold out</span>;
  if (stock <= LOW_STOCK) return <span className="stock stock--low">Only {stock} left</span>;
  return <span className="stock">{stock} in stock</span>;
}
