using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = CorsAnalyzers.Tests.CSharpCodeFixVerifier<
    CorsAnalyzers.Tests.PolicyRules,
    CorsAnalyzers.CodeFixes.ConfigurationArrayReadWithGetValueCodeFixProvider>;

namespace CorsAnalyzers.Tests.Rules;

public sealed class CORS019ConfigurationArrayReadWithGetValueTests
{
    private const string Throws = "WithOrigins gets null, so building the policy throws and the app fails to start";
    private const string FallbackOnly = "only the fallback value reaches WithOrigins, never the configured values";

    private static DiagnosticResult GetValue(string type, string consequence, int location = 0) =>
        VerifyCS.Diagnostic(DiagnosticIds.ConfigurationArrayReadWithGetValue).WithLocation(location).WithArguments(type, consequence);

    /// <summary>The read is somewhere else than the builder call that uses it: that call is the additional location.</summary>
    private static DiagnosticResult GetValueUsedAt(string type, string consequence, int use) => GetValue(type, consequence).WithLocation(use);

    [Theory]
    [InlineData("string[]")]
    [InlineData("List<string>")]
    [InlineData("IEnumerable<string>")]
    public async Task CollectionGetValueInWithOrigins_ReportsDiagnostic(string type)
    {
        var consequence = type == "string[]" ? Throws : FallbackOnly;
        var argument = type == "string[]"
            ? $$"""builder.Configuration.{|#0:GetValue<{{type}}>("Cors:Origins")|}!"""
            : $$"""(builder.Configuration.{|#0:GetValue<{{type}}>("Cors:Origins")|} ?? new List<string>()).ToArray()""";
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.WithOrigins({{argument}})));
            """, GetValue(type, consequence));
    }

    [Fact]
    public async Task ThroughLocalWithFallback_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var origins = builder.Configuration.{|#0:GetValue<string[]>("Cors:AllowedOrigins")|} ?? [];
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.{|#1:WithOrigins(origins)|}));
            """, GetValueUsedAt("string[]", FallbackOnly, 1));
    }

    [Theory]
    [InlineData("WithMethods")]
    [InlineData("WithHeaders")]
    [InlineData("WithExposedHeaders")]
    public async Task MethodsOrHeaders_ReportsDiagnostic(string call)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.WithOrigins("https://app.contoso.com").{{call}}(builder.Configuration.{|#0:GetValue<string[]>("Cors:Values")|}!)));
            """, GetValue("string[]", $"{call} gets null, so building the policy throws and the app fails to start"));
    }

    [Fact]
    public async Task ThroughOwnHelper_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class Cors
            {
                public static void Configure(CorsPolicyBuilder policy, IConfiguration configuration) =>
                    policy.WithOrigins(Origins(configuration));

                private static string[] Origins(IConfiguration configuration) =>
                    configuration.{|#0:GetValue<string[]>("Cors:Origins")|} ?? new[] { "https://app.contoso.com" };

                public static void Add(IServiceCollection services, IConfiguration configuration) =>
                    services.AddCors(o => o.AddDefaultPolicy(p => {|#1:Configure(p, configuration)|}));
            }
            """, GetValueUsedAt("string[]", FallbackOnly, 1));
    }

    [Theory]
    [InlineData("""builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? []""")]
    [InlineData("""builder.Configuration.GetValue<string>("Cors:Origin")!""")]
    [InlineData("""builder.Configuration.GetValue<string>("Cors:Origins")!.Split(',', StringSplitOptions.TrimEntries)""")]
    [InlineData("""builder.Configuration["Cors:Origin"]!""")]
    public async Task CorrectReads_NoDiagnostic(string argument)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.WithOrigins({{argument}})));
            """);
    }

    [Fact]
    public async Task CollectionGetValueNotUsedByPolicy_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var ports = builder.Configuration.GetValue<int[]>("Ports");
            var hosts = builder.Configuration.GetValue<string[]>("Hosts");
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.WithOrigins("https://app.contoso.com")));
            Console.WriteLine(ports?.Length + hosts?.Length);
            """);
    }

    [Fact]
    public async Task UserTypeWithSameMethodName_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var settings = new Settings();
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.WithOrigins(settings.GetValue<string[]>("Cors:Origins"))));

            public sealed class Settings
            {
                public T GetValue<T>(string key) => default!;
            }
            """);
    }

    [Fact]
    public async Task ParameterTheModelCannotBind_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class Cors
            {
                public static void Configure(CorsPolicyBuilder policy, string[] origins) => policy.WithOrigins(origins);
            }
            """);
    }

    [Theory]
    [InlineData(
        """builder.Configuration.GetValue<string[]>("Cors:Origins")!""",
        """builder.Configuration.GetSection("Cors:Origins").Get<string[]>()!""")]
    [InlineData(
        """builder.Configuration.GetValue<string[]>("Cors:Origins") ?? []""",
        """builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? []""")]
    [InlineData(
        """builder.Configuration.GetValue<string[]>("Cors:Origins", ["https://app.contoso.com"])!""",
        """(builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? ["https://app.contoso.com"])!""")]
    [InlineData(
        """ConfigurationBinder.GetValue<string[]>(builder.Configuration, "Cors:Origins")!""",
        """ConfigurationBinder.Get<string[]>(builder.Configuration.GetSection("Cors:Origins"))!""")]
    public async Task GetValue_Fix_BindsTheSection(string before, string after)
    {
        var marked = before.Replace("GetValue<string[]>(", "{|#0:GetValue<string[]>(").Replace(")!", ")|}!").Replace(") ??", ")|} ??");
        await VerifyCS.VerifyCodeFixAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.WithOrigins({{marked}})));
            """, $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.WithOrigins({{after}})));
            """, ConfigurationArrayReadWithGetValueCodeFixProvider.BindSectionKey,
            expected: GetValue("string[]", before.Contains("??") || before.Contains("[\"") ? FallbackOnly : Throws));
    }

    [Fact]
    public async Task ListType_Fix_KeepsTheType()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            List<string> origins = builder.Configuration.{|#0:GetValue<List<string>>("Cors:Origins")|} ?? new List<string>();
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.{|#1:WithOrigins(origins.ToArray())|}));
            """, """
            var builder = WebApplication.CreateBuilder(args);
            List<string> origins = builder.Configuration.GetSection("Cors:Origins").Get<List<string>>() ?? new List<string>();
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.WithOrigins(origins.ToArray())));
            """, ConfigurationArrayReadWithGetValueCodeFixProvider.BindSectionKey, expected: GetValueUsedAt("List<string>", FallbackOnly, 1));
    }

    [Fact]
    public async Task OriginsAndHeaders_FixAll_BindsBoth()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var config = builder.Configuration;
            builder.Services.AddCors(o => o.AddPolicy("x", p => p
                .WithOrigins(config.{|#0:GetValue<string[]>("Cors:Origins")|} ?? [])
                .WithHeaders(config.{|#1:GetValue<string[]>("Cors:Headers")|} ?? [])));
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var config = builder.Configuration;
            builder.Services.AddCors(o => o.AddPolicy("x", p => p
                .WithOrigins(config.GetSection("Cors:Origins").Get<string[]>() ?? [])
                .WithHeaders(config.GetSection("Cors:Headers").Get<string[]>() ?? [])));
            """, ConfigurationArrayReadWithGetValueCodeFixProvider.BindSectionKey,
            expected: new[]
            {
                GetValue("string[]", FallbackOnly, 0),
                GetValue("string[]", "only the fallback value reaches WithHeaders, never the configured values", 1),
            });
    }

    [Fact]
    public async Task SelfReferencingLocalsAndRecursiveHelper_ReportOnce()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var origins = builder.Configuration.{|#0:GetValue<string[]>("Cors:Origins")|};
            origins = origins ?? Origins(builder.Configuration, 3);
            origins = origins ?? origins;
            origins = origins?.Length > 0 ? origins : origins ?? [];
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.{|#1:WithOrigins(origins)|}));

            static string[] Origins(IConfiguration configuration, int depth) => depth == 0 ? [] : Origins(configuration, depth - 1);
            """, GetValueUsedAt("string[]", FallbackOnly, 1));
    }

    [Theory]
    [InlineData("""p.WithOrigins(builder.Configuration.GetValue<string[]>(""")]
    [InlineData("""p.WithOrigins(builder.Configuration.GetValue<string[]>("Cors" + )""")]
    [InlineData("""p.WithOrigins(builder.Configuration.GetValue<>("Cors"))""")]
    [InlineData("""p.WithOrigins(builder.Configuration.GetSection().Get<string[]>())""")]
    [InlineData("""p.WithOrigins(builder.Configuration["AllowedHosts"].Split(""")]
    [InlineData("""p.WithOrigins(builder.Configuration[].Split(',', StringSplitOptions.))""")]
    [InlineData("""p.WithOrigins(builder.Configuration.GetSection("Cors").Get<>().Origins)""")]
    [InlineData("""p.WithOrigins(Helper(builder.Configuration))); static string[] Helper(IConfiguration c) => c.GetValue<string[]>(""")]
    [InlineData("""p.WithOrigins(x ?? builder.Configuration["Cors:Origins"]?.Split(',').Select(o => o.).ToArray())""")]
    public async Task IncompleteCode_DoesNotThrow(string policy)
    {
        var compilation = await TestCompilations.CreateAsync(new[]
        {
            $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => {{policy}}));
            """,
        });
        var (_, exceptions) = await TestCompilations.AnalyzeAsync(compilation, TestCompilations.AllAnalyzers);
        Assert.Empty(exceptions);
    }
}
