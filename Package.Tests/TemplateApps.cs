using System;

namespace CorsAnalyzers.Package.Tests;

/// <summary>The apps with their mistakes, written once; each client test fixes a restored copy.</summary>
public sealed class TemplateApps : IDisposable
{
    private readonly LocalFeed _feed = new();

    public TemplateApps() => Pristine = ClientApps.Create(_feed, "template");

    internal ClientApps Pristine { get; }

    public void Dispose() => _feed.Dispose();
}
