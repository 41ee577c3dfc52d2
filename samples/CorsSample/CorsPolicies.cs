namespace CorsSample;

public static class CorsPolicies
{
    public const string Storefront = "storefront";
    public const string Partners = "partners";
    public const string AnyOrigin = "*";
}
