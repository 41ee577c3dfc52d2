using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using VerifyCS = CorsAnalyzers.Tests.CSharpCodeFixVerifier<
    CorsAnalyzers.Tests.PolicyRules,
    CorsAnalyzers.CodeFixes.AnyOriginFallbackCodeFixProvider>;

namespace CorsAnalyzers.Tests.Rules;

public sealed class CORS030AnyOriginFallbackTests
{
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Fallback(string choice, string key = "Cors:AllowedOrigins") =>
        VerifyCS.Diagnostic(DiagnosticIds.AnyOriginFallback).WithLocation(0).WithLocation(1).WithArguments(choice, key);

    private static string Policy(string body) => $$"""
        var builder = WebApplication.CreateBuilder(args);
        var origins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>();
        builder.Services.AddCors(o => o.AddDefaultPolicy(p =>
        {
            {{body}}
        }));
        """;

    [Theory]
    [InlineData("if ({|#1:origins == null || origins.Length == 0|}) p.{|#0:{|CORS003:AllowAnyOrigin()|}|}; else p.WithOrigins(origins);")]
    [InlineData("if ({|#1:origins?.Any() != true|}) p.{|#0:{|CORS003:AllowAnyOrigin()|}|}; else p.WithOrigins(origins);")]
    [InlineData("if ({|#1:origins is null or { Length: 0 }|}) { p.{|#0:{|CORS003:AllowAnyOrigin()|}|}; } else { p.WithOrigins(origins); }")]
    [InlineData("if ({|#1:origins is { Length: > 0 }|}) p.WithOrigins(origins); else p.{|#0:{|CORS003:AllowAnyOrigin()|}|};")]
    [InlineData("if ({|#1:origins is { Length: > 0 }|}) { p.WithOrigins(origins); return; } p.{|#0:{|CORS003:AllowAnyOrigin()|}|};")]
    [InlineData("_ = {|#1:origins == null|} ? p.{|#0:{|CORS003:AllowAnyOrigin()|}|} : p.WithOrigins(origins);")]
    public async Task AnyOriginWhenConfiguredListMissing_ReportsDiagnostic(string body)
    {
        await VerifyCS.VerifyAnalyzerAsync(Policy(body), Fallback("AllowAnyOrigin()"));
    }

    [Fact]
    public async Task StarOrAlwaysTrueInTheEmptyBranch_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var origins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<List<string>>() ?? new List<string>();
            var single = builder.Configuration["Cors:Origin"];
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p =>
                {
                    if ({|#1:origins.Count == 0|}) p.{|#0:{|CORS003:WithOrigins("*")|}|}; else p.WithOrigins(origins.ToArray());
                });
                o.AddPolicy("b", p =>
                {
                    if ({|#3:string.IsNullOrEmpty(single)|}) p.{|#2:{|CORS003:SetIsOriginAllowed(_ => true)|}|}; else p.WithOrigins(single);
                });
                o.AddPolicy("c", p =>
                {
                    if ({|#5:!origins.Any()|}) p.{|#4:{|CORS003:AllowAnyOrigin()|}|}; else p.WithOrigins(origins.ToArray());
                });
            });
            """,
            Fallback("WithOrigins(\"*\")"),
            VerifyCS.Diagnostic(DiagnosticIds.AnyOriginFallback).WithLocation(2).WithLocation(3).WithArguments("An always-true SetIsOriginAllowed", "Cors:Origin"),
            VerifyCS.Diagnostic(DiagnosticIds.AnyOriginFallback).WithLocation(4).WithLocation(5).WithArguments("AllowAnyOrigin()", "Cors:AllowedOrigins"));
    }

    [Fact]
    public async Task StarFallbackAfterCoalesce_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var configured = {|#3:builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>()|} ?? {|#2:new[] { "*" }|};
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.WithOrigins({|#1:builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>()|} ?? {|#0:["*"]|}));
                o.AddPolicy("b", p => p.WithOrigins(configured));
                o.AddPolicy("c", p => p.WithOrigins(({|#5:builder.Configuration["Cors:Origins"]|} ?? {|#4:"*"|}).Split(',', StringSplitOptions.TrimEntries)));
            });
            """,
            Fallback("The fallback \"*\""),
            VerifyCS.Diagnostic(DiagnosticIds.AnyOriginFallback).WithLocation(2).WithLocation(3).WithArguments("The fallback \"*\"", "Cors:AllowedOrigins"),
            VerifyCS.Diagnostic(DiagnosticIds.AnyOriginFallback).WithLocation(4).WithLocation(5).WithArguments("The fallback \"*\"", "Cors:Origins"));
    }

    [Theory]
    // No origin, an exception or a log line as the fallback.
    [InlineData("if (origins == null || origins.Length == 0) p.WithOrigins(); else p.WithOrigins(origins);")]
    [InlineData("if (origins == null || origins.Length == 0) throw new InvalidOperationException(\"Cors:AllowedOrigins is missing\"); p.WithOrigins(origins);")]
    // The any-origin branch runs when the list is not empty, or only in development.
    [InlineData("if (origins is { Length: > 0 }) p.{|CORS003:AllowAnyOrigin()|}; else p.WithOrigins();")]
    [InlineData("if (builder.Environment.IsDevelopment() && (origins == null || origins.Length == 0)) p.AllowAnyOrigin(); else p.WithOrigins(origins ?? []);")]
    // The emptiness test is on a hard-coded list, or on another value; or it does not prove the list empty.
    [InlineData("if (Fixed.Length == 0) p.{|CORS003:AllowAnyOrigin()|}; else p.WithOrigins(Fixed);")]
    [InlineData("if (origins == null || Fixed.Length == 0) p.{|CORS003:AllowAnyOrigin()|}; else p.WithOrigins(origins);")]
    [InlineData("if (origins?.Length == 1) p.{|CORS003:AllowAnyOrigin()|}; else p.WithOrigins(origins ?? []);")]
    [InlineData("if (origins != null && origins.Length > 0) p.WithOrigins(origins); else if (Fixed.Length > 0) p.WithOrigins(Fixed); else p.WithOrigins();")]
    // A later WithOrigins makes the list more than "*".
    [InlineData("if (origins == null) p.AllowAnyOrigin(); p.WithOrigins(\"https://app.contoso.com\");")]
    public async Task NotAnOpenFallback_NoDiagnostic(string body)
    {
        await VerifyCS.VerifyAnalyzerAsync(Policy(body) + """

            partial class Program
            {
                private static readonly string[] Fixed = ["https://app.contoso.com"];
            }
            """);
    }

    [Fact]
    public async Task FallbackOnHardCodedValueUserTypeAndDebugOnly_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            string[]? hardCoded = null;
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.WithOrigins(hardCoded ?? new[] { "*" }));
            #if DEBUG
                o.AddPolicy("b", p => p.WithOrigins(builder.Configuration["Cors:Origin"] ?? "*"));
            #endif
            });
            var origins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>();
            if (origins == null) new Fake().AllowAnyOrigin();

            class Fake
            {
                public Fake AllowAnyOrigin() => this;
            }
            """);
    }

    [Fact]
    public async Task EveryShape_FixAll_AllowsNoOrigin()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var origins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>();
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p =>
                {
                    if ({|#1:origins == null || origins.Length == 0|})
                    {
                        p.{|#0:{|CORS003:AllowAnyOrigin()|}|}; // no origins configured
                    }
                    else
                    {
                        p.WithOrigins(origins);
                    }
                });
                o.AddPolicy("b", p =>
                {
                    if ({|#3:origins is not { Length: > 0 }|}) p.{|#2:{|CORS003:SetIsOriginAllowed(_ => true)|}|}.AllowAnyHeader(); else p.WithOrigins(origins);
                });
                o.AddPolicy("c", p => p.WithOrigins({|#5:origins|} ?? {|#4:new[] { "*" }|}));
                o.AddPolicy("d", p => p.WithOrigins(({|#7:builder.Configuration["Cors:Origins"]|} ?? {|#6:"*"|}).Split(',', StringSplitOptions.TrimEntries)));
            });
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var origins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>();
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p =>
                {
                    if (origins == null || origins.Length == 0)
                    {
                        p.WithOrigins(); // no origins configured
                    }
                    else
                    {
                        p.WithOrigins(origins);
                    }
                });
                o.AddPolicy("b", p =>
                {
                    if (origins is not { Length: > 0 }) p.SetIsOriginAllowed(_ => false).AllowAnyHeader(); else p.WithOrigins(origins);
                });
                o.AddPolicy("c", p => p.WithOrigins(origins ?? []));
                o.AddPolicy("d", p => p.WithOrigins(builder.Configuration["Cors:Origins"]?.Split(',', StringSplitOptions.TrimEntries) ?? []));
            });
            """, AnyOriginFallbackCodeFixProvider.AllowNoOriginKey, expected: new[]
            {
                Fallback("AllowAnyOrigin()"),
                VerifyCS.Diagnostic(DiagnosticIds.AnyOriginFallback).WithLocation(2).WithLocation(3).WithArguments("An always-true SetIsOriginAllowed", "Cors:AllowedOrigins"),
                VerifyCS.Diagnostic(DiagnosticIds.AnyOriginFallback).WithLocation(4).WithLocation(5).WithArguments("The fallback \"*\"", "Cors:AllowedOrigins"),
                VerifyCS.Diagnostic(DiagnosticIds.AnyOriginFallback).WithLocation(6).WithLocation(7).WithArguments("The fallback \"*\"", "Cors:Origins"),
            });
    }

    [Fact]
    public async Task ArrayFallbackBeforeCSharp12_Fix_UsesArrayEmpty()
    {
        var test = new VerifyCS.Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("a", p => p.WithOrigins({|#1:builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>()|} ?? {|#0:new[] { "*" }|})));
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("a", p => p.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? System.Array.Empty<string>())));
            """)
        {
            CodeActionEquivalenceKey = AnyOriginFallbackCodeFixProvider.AllowNoOriginKey,
            LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp11,
        };
        test.ExpectedDiagnostics.Add(Fallback("The fallback \"*\""));
        await test.RunAsync();
    }

    [Fact]
    public async Task BareStringFallback_ReportsWithoutFix()
    {
        await VerifyCS.VerifyNoCodeFixAsync(
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("a", p => p.WithOrigins({|#1:builder.Configuration["Cors:Origin"]|} ?? {|#0:"*"|})));
            """,
            AnyOriginFallbackCodeFixProvider.AllowNoOriginKey,
            Fallback("The fallback \"*\"", "Cors:Origin"));
    }
}
