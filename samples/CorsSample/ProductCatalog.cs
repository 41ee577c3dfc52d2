namespace CorsSample;

public sealed record Product(int Id, string Name, decimal Price);

public sealed record CartItem(int ProductId, int Quantity);

public sealed class ProductCatalog
{
    private readonly List<Product> _products =
    [
        new(1, "Trail running shoes", 129.00m),
        new(2, "Rain jacket", 89.50m),
        new(3, "Headlamp", 34.99m),
    ];

    public IReadOnlyList<Product> All() => _products;

    public Product? Find(int id) => _products.Find(p => p.Id == id);
}
