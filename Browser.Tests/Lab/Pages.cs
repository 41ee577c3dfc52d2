namespace CorsAnalyzers.Browser.Tests.Lab;

/// <summary>A page the browser loads: an https origin served by the page server, or a sandboxed iframe inside one.</summary>
internal sealed record Page(string Label, string Origin, bool Sandboxed = false)
{
    /// <summary>The app's own front end, the origin the live scenarios trust.</summary>
    public static readonly Page App = new("app page", "https://app.example");

    public static readonly Page Evil = new("evil page", "https://evil.example");

    /// <summary>A host that ends with the app's host name without being a subdomain of it.</summary>
    public static readonly Page LookAlike = new("look-alike page", "https://evilapp.example");

    public static readonly Page Subdomain = new("subdomain page", "https://eu.app.example");

    /// <summary>A host that starts with the app's host name and belongs to the attacker.</summary>
    public static readonly Page PrefixLookAlike = new("look-alike page", "https://app.example.evil.example");

    /// <summary>A second trusted front end, for apps with two policies.</summary>
    public static readonly Page Admin = new("admin page", "https://admin.example");

    /// <summary>An iframe with <c>sandbox="allow-scripts"</c> on the evil page: its requests carry <c>Origin: null</c>.</summary>
    public static readonly Page SandboxedFrame = new("sandboxed iframe", "https://evil.example", Sandboxed: true);

    public override string ToString() => Sandboxed ? $"{Label} (Origin: null)" : $"{Label} ({Origin})";
}
