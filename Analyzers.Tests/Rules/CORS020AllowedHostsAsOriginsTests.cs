using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = CorsAnalyzers.Tests.CSharpCodeFixVerifier<
    CorsAnalyzers.Tests.PolicyRules,
    CorsAnalyzers.CodeFixes.AllowedHostsAsOriginsCodeFixProvider>;

namespace CorsAnalyzers.Tests.Rules;

public sealed class CORS020AllowedHostsAsOriginsTests
{
    private static DiagnosticResult AllowedHosts(int location = 0) =>
        VerifyCS.Diagnostic(DiagnosticIds.AllowedHostsAsOrigins).WithLocation(location).WithArguments("Cors:AllowedOrigins");

    [Theory]
    [InlineData("""{|#0:builder.Configuration["AllowedHosts"]|}!""")]
    [InlineData("""{|#0:builder.Configuration["allowedhosts"]|}!""")]
    [InlineData("""builder.Configuration.{|#0:GetValue<string>("AllowedHosts")|}!""")]
    [InlineData("""{|#0:builder.Configuration.GetSection("AllowedHosts").Value|}!""")]
    [InlineData("""{|#0:builder.Configuration["AllowedHosts"]|}!.Split(';')""")]
    [InlineData("""builder.Configuration.GetSection("AllowedHosts").{|#0:Get<string[]>()|} ?? []""")]
    public async Task AllowedHostsAsOrigins_ReportsDiagnostic(string argument)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins({{argument}})));
            """, AllowedHosts());
    }

    [Fact]
    public async Task ThroughConstantKeyAndLocal_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            const string HostsKey = "AllowedHosts";
            var builder = WebApplication.CreateBuilder(args);
            var hosts = {|#0:builder.Configuration[HostsKey]|} ?? "";
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.{|#1:WithOrigins(hosts)|}));
            """, AllowedHosts().WithLocation(1));
    }

    [Fact]
    public async Task InjectedConfiguration_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public sealed class Startup(IConfiguration configuration)
            {
                public void ConfigureServices(IServiceCollection services) =>
                    services.AddCors(o => o.AddPolicy("web", p => p.WithOrigins({|#0:configuration["AllowedHosts"]|}!).AllowCredentials()));
            }
            """, AllowedHosts());
    }

    [Theory]
    [InlineData("""builder.Configuration["Cors:AllowedHosts"]!""")]
    [InlineData("""builder.Configuration.GetSection("Cors")["AllowedHosts"]!""")]
    [InlineData("""builder.Configuration["AllowedOrigins"]!""")]
    public async Task OtherKeys_NoDiagnostic(string argument)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins({{argument}})));
            """);
    }

    [Fact]
    public async Task AllowedHostsForHostFiltering_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var hosts = builder.Configuration["AllowedHosts"];
            builder.Services.AddHostFiltering(o => o.AllowedHosts = hosts!.Split(';'));
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com").WithHeaders(builder.Configuration["AllowedHosts"]!)));
            """);
    }

    [Fact]
    public async Task SectionParameterOfUnknownPath_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class Cors
            {
                public static void Configure(CorsPolicyBuilder policy, IConfigurationSection section) =>
                    policy.WithOrigins(section["AllowedHosts"]!);
            }
            """);
    }

    [Fact]
    public async Task Indexer_Fix_ReadsDedicatedKey()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins({|#0:builder.Configuration["AllowedHosts"]|}!.Split(';')).AllowAnyHeader()));
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).AllowAnyHeader()));
            """, AllowedHostsAsOriginsCodeFixProvider.ReadDedicatedKeyKey, expected: AllowedHosts());
    }

    [Fact]
    public async Task Csharp11_Fix_UsesArrayEmpty()
    {
        var test = new VerifyCS.Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(builder.Configuration.{|#0:GetValue<string>("AllowedHosts")|}!)));
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? System.Array.Empty<string>())));
            """)
        {
            CodeActionEquivalenceKey = AllowedHostsAsOriginsCodeFixProvider.ReadDedicatedKeyKey,
            LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp11,
        };
        test.ExpectedDiagnostics.Add(AllowedHosts());
        await test.RunAsync();
    }

    [Fact]
    public async Task TwoPolicies_FixAll_ReadsDedicatedKeyInBoth()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.WithOrigins({|#0:builder.Configuration["AllowedHosts"]|}!));
                o.AddPolicy("b", p => p.WithOrigins({|#1:builder.Configuration["AllowedHosts"]|}!).AllowCredentials());
            });
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []));
                o.AddPolicy("b", p => p.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).AllowCredentials());
            });
            """, AllowedHostsAsOriginsCodeFixProvider.ReadDedicatedKeyKey, expected: new[] { AllowedHosts(0), AllowedHosts(1) });
    }

    [Fact]
    public async Task ReadThroughLocal_NoFix()
    {
        await VerifyCS.VerifyNoCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var hosts = {|#0:builder.Configuration["AllowedHosts"]|}!;
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.{|#1:WithOrigins(hosts)|}));
            """, AllowedHostsAsOriginsCodeFixProvider.ReadDedicatedKeyKey, AllowedHosts().WithLocation(1));
    }
}
