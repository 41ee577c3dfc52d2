using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using VerifyCS = CorsAnalyzers.Tests.CSharpCodeFixVerifier<
    CorsAnalyzers.Tests.PolicyRules,
    CorsAnalyzers.CodeFixes.NullOriginTrustedCodeFixProvider>;

namespace CorsAnalyzers.Tests.Rules;

public sealed class CORS005NullOriginTrustedTests
{
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult NullOrigin(int location = 0) =>
        VerifyCS.Diagnostic(DiagnosticIds.NullOriginTrusted).WithLocation(location);

    [Theory]
    [InlineData("p.WithOrigins(\"https://app.contoso.com\", {|#0:\"null\"|})")]
    [InlineData("p.WithOrigins({|#0:\"NULL\"|})")]
    [InlineData("p.WithOrigins(new[] { \"https://app.contoso.com\", {|#0:\"null\"|} })")]
    [InlineData("p.WithOrigins([\"https://app.contoso.com\", {|#0:\"null\"|}])")]
    [InlineData("p.SetIsOriginAllowed(o => {|#0:o == \"null\"|} || o == \"https://app.contoso.com\")")]
    [InlineData("p.SetIsOriginAllowed(o => {|#0:o.Equals(\"null\")|})")]
    [InlineData("p.SetIsOriginAllowed(o => { if ({|#0:o == \"null\"|}) return true; return o == \"https://app.contoso.com\"; })")]
    [InlineData("p.SetIsOriginAllowed(o => { if (!{|#0:o.Equals(\"null\")|}) return o == \"https://app.contoso.com\"; return true; })")]
    [InlineData("p.SetIsOriginAllowed(o => {|#0:o == \"null\"|} ? true : o == \"https://app.contoso.com\")")]
    [InlineData("p.SetIsOriginAllowed(o => { if ({|#0:o == \"null\"|}) { if (o.Length > 3) return true; return false; } return o == \"https://app.contoso.com\"; })")]
    public async Task NullOrigin_ReportsDiagnostic(string policy)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => {{policy}}));
            """, NullOrigin());
    }

    [Fact]
    public async Task NullOriginInConstantAndStaticArray_ReportsWhereWritten()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.{|#1:WithOrigins(Origins.Sandbox)|});
                o.AddPolicy("b", p => p.{|#3:WithOrigins(Origins.All)|});
            });

            static class Origins
            {
                public const string Sandbox = {|#0:"null"|};
                public static readonly string[] All = { "https://app.contoso.com", {|#2:"null"|} };
            }
            """, NullOrigin(0).WithLocation(1), NullOrigin(2).WithLocation(3));
    }

    [Theory]
    [InlineData("p.WithOrigins(\"https://app.contoso.com\")")]
    [InlineData("p.WithOrigins(\"https://null.contoso.com\")")]
    [InlineData("p.SetIsOriginAllowed(o => o != \"null\")")]
    [InlineData("p.SetIsOriginAllowed(o => o == null)")]
    [InlineData("p.SetIsOriginAllowed(o => { if (o == \"null\") return false; return o == \"https://app.contoso.com\"; })")]
    [InlineData("p.SetIsOriginAllowed(o => { if (o == \"null\" || o.Length == 0) { return false; } return o.EndsWith(\".contoso.com\"); })")]
    [InlineData("p.SetIsOriginAllowed(o => { if (string.Equals(o, \"null\", StringComparison.OrdinalIgnoreCase)) throw new InvalidOperationException(); return o == \"https://app.contoso.com\"; })")]
    [InlineData("p.SetIsOriginAllowed(o => !o.Equals(\"null\") && o.StartsWith(\"https://\"))")]
    [InlineData("p.SetIsOriginAllowed(o => o == \"null\" ? false : o == \"https://app.contoso.com\")")]
    [InlineData("p.SetIsOriginAllowed(o => { if (o == \"null\") { Console.WriteLine(\"sandboxed\"); return false; } return o == \"https://app.contoso.com\"; })")]
    public async Task NoNullOrigin_NoDiagnostic(string policy)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => {{policy}}));
            """);
    }

    [Fact]
    public async Task DevelopmentOnly_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.UseCors(p => p.WithOrigins("null"));
            }
            """);
    }

    [Fact]
    public async Task RemoveEntry_Fix_RemovesArgument()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins("https://app.contoso.com", {|#0:"null"|}, "https://admin.contoso.com"));
            """, """
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins("https://app.contoso.com", "https://admin.contoso.com"));
            """, NullOriginTrustedCodeFixProvider.RemoveNullOriginKey, expected: NullOrigin());
    }

    [Fact]
    public async Task OnlyEntry_Fix_RemovesCall()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithMethods("GET").WithOrigins({|#0:"null"|}));
            """, """
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithMethods("GET"));
            """, NullOriginTrustedCodeFixProvider.RemoveNullOriginKey, expected: NullOrigin());
    }

    [Fact]
    public async Task ArrayElement_FixAll_RemovesEach()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.WithOrigins(new[] { "https://app.contoso.com", {|#0:"null"|} }));
                o.AddPolicy("b", p => p.WithOrigins(["https://admin.contoso.com", {|#1:"null"|}]));
            });
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.WithOrigins(new[] { "https://app.contoso.com" }));
                o.AddPolicy("b", p => p.WithOrigins(["https://admin.contoso.com"]));
            });
            """, NullOriginTrustedCodeFixProvider.RemoveNullOriginKey, true, NullOrigin(0), NullOrigin(1));
    }

    [Fact]
    public async Task PredicateComparison_NoFix()
    {
        await VerifyCS.VerifyNoCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.SetIsOriginAllowed(o => {|#0:o == "null"|}));
            """, NullOriginTrustedCodeFixProvider.RemoveNullOriginKey, NullOrigin());
    }

    [Fact]
    public async Task RemoveNullOrigin_CollectionExpressionWithSpread_Fix_RemovesElement()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var configured = builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.WithOrigins([.. configured, {|#0:"null"|}, "https://app.contoso.com"])));
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var configured = builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.WithOrigins([.. configured, "https://app.contoso.com"])));
            """,
            NullOriginTrustedCodeFixProvider.RemoveNullOriginKey,
            true,
            NullOrigin());
    }

    [Fact]
    public async Task OnlyOrigin_Fix_ReadsOriginsFromConfiguration()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("files", p => p.WithOrigins({|#0:"null"|}).AllowAnyHeader()));
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("files", p => p.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).AllowAnyHeader()));
            """, NullOriginTrustedCodeFixProvider.UseConfiguredOriginsKey, expected: NullOrigin());
    }

    [Fact]
    public async Task OnlyOriginInStartupConfigure_Fix_RemovesCallFromChain()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app) => app.UseCors(b => b.WithOrigins({|#0:"null"|}).AllowAnyMethod());
            }
            """, """
            public class Startup
            {
                public void Configure(IApplicationBuilder app) => app.UseCors(b => b.AllowAnyMethod());
            }
            """, NullOriginTrustedCodeFixProvider.RemoveNullOriginKey, expected: NullOrigin());
    }

    [Fact]
    public async Task PredicateAlternative_Fix_RemovesTheComparison()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.SetIsOriginAllowed(origin => origin == "https://app.contoso.com" || {|#0:origin == "null"|})));
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.SetIsOriginAllowed(origin => origin == "https://app.contoso.com")));
            """, NullOriginTrustedCodeFixProvider.RemoveNullOriginKey, expected: NullOrigin());
    }
}
