using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;

namespace CorsAnalyzers.Tests.Conformance;

/// <summary>
/// CORS021-CORS023 on code being typed: every prefix of a program that holds their mistakes (origin predicates of every
/// shape the evaluator reads, header lists, branch pipelines) is analyzed, and every fix offered is computed, without an
/// exception.
/// </summary>
public sealed class SilentFailureTypingTests
{
    private const string Program = """
        using Microsoft.AspNetCore.Cors.Infrastructure;

        var builder = WebApplication.CreateBuilder(args);
        var origins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        builder.Services.AddCors(o =>
        {
            o.AddPolicy("a", p => p.WithOrigins(origins).SetIsOriginAllowed(x => new Uri(x).Host == "localhost" || x.EndsWith(".contoso.com", StringComparison.OrdinalIgnoreCase)));
            o.AddPolicy("b", p => p.SetIsOriginAllowed(x => { if (string.IsNullOrEmpty(x)) return false; var h = x.ToLowerInvariant(); return h is "https://b.example" or "https://c.example" ? true : h.StartsWith("http://localhost"); }).WithOrigins("https://a.example"));
            o.AddPolicy("c", p => p.WithOrigins("https://a.example").SetIsOriginAllowed(Checks.IsInternal).WithExposedHeaders("*", "X-Id").AllowCredentials());
        });
        var app = builder.Build();
        app.UseCors("a");
        app.UseCors("a");
        app.Map("/b", b => { b.UseCors("b"); b.Run(c => c.Response.WriteAsync("b")); });
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/c"), c => c.UseCors("c"));
        app.Use(async (context, next) =>
        {
            context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
            context.Response.Headers["Access-Control-Allow-Headers"] = "*";
            await next();
        });
        app.Run();

        static class Checks
        {
            public static bool IsInternal(string origin) => origin == "https://intranet.example";
        }
        """;

    private static readonly string[] Rules = { DiagnosticIds.OriginListIgnored, DiagnosticIds.WildcardHeaderListWithCredentials, DiagnosticIds.SecondCorsMiddleware };

    [Fact]
    public async Task FullProgram_ReportsEachRule()
    {
        var (_, diagnostics, failures) = await AnalyzeAsync(Program);
        Assert.Empty(failures);
        Assert.Equal(3, diagnostics.Count(d => d.Id == DiagnosticIds.OriginListIgnored));
        Assert.Equal(2, diagnostics.Count(d => d.Id == DiagnosticIds.WildcardHeaderListWithCredentials));
        Assert.Equal(3, diagnostics.Count(d => d.Id == DiagnosticIds.SecondCorsMiddleware));
    }

    [Fact]
    public async Task EveryPrefix_NoAnalyzerOrFixException() =>
        Assert.Empty(await TypingFailuresAsync(Program, step: 11, id => Rules.Contains(id)));

    /// <summary>
    /// Every prefix of <paramref name="program"/> (one each <paramref name="step"/> characters), as it is typed: the
    /// analyzer exceptions, and the exceptions of every fix offered for the findings of <paramref name="fixedRules"/>.
    /// </summary>
    internal static async Task<List<string>> TypingFailuresAsync(string program, int step, System.Func<string, bool> fixedRules)
    {
        var failures = new List<string>();
        for (var cut = 0; cut <= program.Length; cut += step)
        {
            var (document, diagnostics, analysisFailures) = await AnalyzeAsync(program[..cut]);
            failures.AddRange(analysisFailures.Select(f => $"cut {cut}: {f}"));
            foreach (var diagnostic in diagnostics.Where(d => fixedRules(d.Id)))
            {
                foreach (var provider in TestCompilations.AllCodeFixProviders.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    try
                    {
                        var actions = new List<CodeAction>();
                        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                        foreach (var action in actions)
                        {
                            await action.GetOperationsAsync(CancellationToken.None);
                        }
                    }
                    catch (System.Exception exception)
                    {
                        failures.Add($"cut {cut}: {provider.GetType().Name} on {diagnostic.Id}: {exception}");
                    }
                }
            }
        }

        return failures;
    }

    internal static async Task<(Document Document, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> Failures)> AnalyzeAsync(string source)
    {
        var compilation = await TestCompilations.CreateAsync(new[] { source });
        var workspace = new AdhocWorkspace();
        var project = workspace.CurrentSolution
            .AddProject("Typing", "Typing", LanguageNames.CSharp)
            .WithCompilationOptions(compilation.Options)
            .WithParseOptions((CSharpParseOptions)compilation.SyntaxTrees.First().Options)
            .AddMetadataReferences(compilation.References);
        Document? main = null;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var document = project.AddDocument(System.IO.Path.GetFileName(tree.FilePath) is { Length: > 0 } name ? name : "Program.cs", tree.GetText());
            project = document.Project;
            if (tree == compilation.SyntaxTrees.First())
            {
                main = document;
            }
        }

        main = project.GetDocument(main!.Id)!;
        var (diagnostics, exceptions) = await TestCompilations.AnalyzeAsync((await project.GetCompilationAsync())!, TestCompilations.AllAnalyzers);
        var mainTree = await main.GetSyntaxTreeAsync();
        return (main, diagnostics.Where(d => d.Location.SourceTree == mainTree).ToList(), exceptions.Select(e => e.ToString()).ToList());
    }
}
