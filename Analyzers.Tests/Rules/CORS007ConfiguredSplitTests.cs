using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = CorsAnalyzers.Tests.CSharpCodeFixVerifier<
    CorsAnalyzers.Tests.PolicyRules,
    CorsAnalyzers.CodeFixes.OriginNeverMatchesSplitEntriesCodeFixProvider>;

namespace CorsAnalyzers.Tests.Rules;

public sealed class CORS007ConfiguredSplitTests
{
    private const string AddTrimEntries = "add StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries";

    private static DiagnosticResult Untrimmed(string separator, int location = 0) =>
        VerifyCS.Diagnostic(DiagnosticDescriptors.ConfiguredListSplitUntrimmed).WithLocation(location).WithArguments(separator, AddTrimEntries);

    [Theory]
    [InlineData("""builder.Configuration["Cors:Origins"]!.{|#0:Split(',')|}""", ",")]
    [InlineData("""builder.Configuration["Cors:Origins"]!.{|#0:Split(";")|}""", ";")]
    [InlineData("""builder.Configuration["Cors:Origins"]?.{|#0:Split(',', ';')|} ?? []""", ",")]
    [InlineData("""builder.Configuration.GetValue<string>("Cors:Origins")!.{|#0:Split(',', StringSplitOptions.RemoveEmptyEntries)|}""", ",")]
    [InlineData("""builder.Configuration.GetSection("Cors")["Origins"]!.{|#0:Split(new[] { ',' })|}.ToArray()""", ",")]
    [InlineData("""(builder.Configuration.GetValue<string>("Cors:Origins") ?? "").{|#0:Split(',')|}.Where(o => o.Length > 0).ToArray()""", ",")]
    public async Task UntrimmedSplitOfConfiguredList_ReportsDiagnostic(string argument, string separator)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins({{argument}})));
            """, Untrimmed(separator));
    }

    [Fact]
    public async Task SplitInLocalOfOptionProperty_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var settings = builder.Configuration.GetSection("Cors").Get<CorsSettings>()!;
            var origins = settings.Origins.{|#0:Split(',')|};
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.{|#1:WithOrigins(origins)|}));

            public sealed class CorsSettings
            {
                public string Origins { get; set; } = "";
            }
            """, Untrimmed(",").WithLocation(1));
    }

    [Fact]
    public async Task SplitInComputedOptionProperty_Fix_TrimsEntries()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var settings = builder.Configuration.GetSection("Cors").Get<CorsSettings>()!;
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.{|#1:WithOrigins(settings.Origins)|}));

            public sealed class CorsSettings
            {
                public string AllowedOrigins { get; set; } = "";

                public string[] Origins => AllowedOrigins.{|#0:Split(',')|};
            }
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var settings = builder.Configuration.GetSection("Cors").Get<CorsSettings>()!;
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(settings.Origins)));

            public sealed class CorsSettings
            {
                public string AllowedOrigins { get; set; } = "";

                public string[] Origins => AllowedOrigins.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            }
            """, OriginNeverMatchesSplitEntriesCodeFixProvider.TrimEntriesKey, expected: Untrimmed(",").WithLocation(1));
    }

    [Fact]
    public async Task SplitInComputedPropertyOfConstant_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var settings = builder.Configuration.GetSection("Cors").Get<CorsSettings>()!;
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(settings.Origins)));

            public sealed class CorsSettings
            {
                public string AllowedOrigins { get; set; } = "";

                public string[] Origins => "https://a.contoso.com,https://b.contoso.com".Split(',');
            }
            """);
    }

    [Theory]
    [InlineData("""builder.Configuration["Cors:Origins"]!.Split(',', StringSplitOptions.TrimEntries)""")]
    [InlineData("""builder.Configuration["Cors:Origins"]!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)""")]
    [InlineData("""builder.Configuration["Cors:Origins"]!.Split(',').Select(o => o.Trim()).ToArray()""")]
    [InlineData("""builder.Configuration["Cors:Origins"]!.Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries)""")]
    [InlineData("""builder.Configuration["Cors:Origins"]!.Split(' ')""")]
    [InlineData("""builder.Configuration["Cors:Origins"]!.Split('|')""")]
    [InlineData("""builder.Configuration["Cors:Origins"]!.Split(',', options)""")]
    [InlineData("\"https://a.contoso.com,https://b.contoso.com\".Split(',')")]
    [InlineData("""Environment.GetEnvironmentVariable("ORIGINS")!.Split(',')""")]
    public async Task TrimmedOrNotConfigured_NoDiagnostic(string argument)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            var options = StringSplitOptions.TrimEntries;
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins({{argument}})));
            """);
    }

    [Fact]
    public async Task SplitUsedForHeaders_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var separators = builder.Configuration["Separators"]!.Split(',');
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
            Console.WriteLine(separators.Length);
            """);
    }

    private const string StringExtensions = """

        public static class StringExtensions
        {
            public static string RemovePostFix(this string text, params string[] postFixes)
            {
                foreach (var postFix in postFixes)
                {
                    if (text.EndsWith(postFix, StringComparison.Ordinal))
                    {
                        return text.Substring(0, text.Length - postFix.Length);
                    }
                }

                return text;
            }
        }
        """;

    [Theory]
    [InlineData("""builder.Configuration["App:CorsOrigins"]?.{|#0:Split(",", StringSplitOptions.RemoveEmptyEntries)|}.Select(o => o.RemovePostFix("/")).ToArray() ?? Array.Empty<string>()""")]
    [InlineData("""builder.Configuration["App:CorsOrigins"]!.{|#0:Split(',')|}.Select(o => o.TrimEnd('/')).ToArray()""")]
    [InlineData("""builder.Configuration["App:CorsOrigins"]!.{|#0:Split(',')|}.Select(o => o.ToLowerInvariant().RemovePostFix("/")).ToArray()""")]
    [InlineData("""builder.Configuration["App:CorsOrigins"]!.{|#0:Split(',')|}.Select(o => { return o.Trim('/'); }).ToArray()""")]
    public async Task SelectThatDoesNotTrim_ReportsDiagnostic(string argument)
    {
        // The ABP template's shape: RemovePostFix("/") drops a trailing slash and keeps the space after each comma.
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins({{argument}}).AllowCredentials()));
            """ + StringExtensions, Untrimmed(","));
    }

    [Theory]
    [InlineData("""builder.Configuration["App:CorsOrigins"]!.Split(',').Select(o => o.Trim().RemovePostFix("/")).ToArray()""")]
    [InlineData("""builder.Configuration["App:CorsOrigins"]!.Split(',').Select(o => o.RemovePostFix("/").Trim()).ToArray()""")]
    [InlineData("""builder.Configuration["App:CorsOrigins"]!.Split(',').Select(o => o.TrimEnd('/').TrimStart()).ToArray()""")]
    [InlineData("""builder.Configuration["App:CorsOrigins"]!.Split(',').Select(o => o.Trim(' ', '/')).ToArray()""")]
    [InlineData("""builder.Configuration["App:CorsOrigins"]!.Split(',', StringSplitOptions.TrimEntries).Select(o => o.RemovePostFix("/")).ToArray()""")]
    [InlineData("""builder.Configuration["App:CorsOrigins"]!.Split(',').Select(o => o.Trim()).Select(o => o.RemovePostFix("/")).ToArray()""")]
    [InlineData("""builder.Configuration["App:CorsOrigins"]!.Split(' ').Select(o => o.RemovePostFix("/")).ToArray()""")]
    public async Task SelectThatTrimsOrSplitThatTrims_NoDiagnostic(string argument)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins({{argument}})));
            """ + StringExtensions);
    }

    [Fact]
    public async Task AbpTemplateShape_Fix_TrimsEntries()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(builder.Configuration["App:CorsOrigins"]?.{|#0:Split(",", StringSplitOptions.RemoveEmptyEntries)|}.Select(o => o.RemovePostFix("/")).ToArray() ?? Array.Empty<string>())));
            """ + StringExtensions, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(builder.Configuration["App:CorsOrigins"]?.Split(",", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(o => o.RemovePostFix("/")).ToArray() ?? Array.Empty<string>())));
            """ + StringExtensions, OriginNeverMatchesSplitEntriesCodeFixProvider.TrimEntriesKey, expected: Untrimmed(","));
    }

    [Theory]
    [InlineData("Split(',')", "Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)", ",")]
    [InlineData("Split(\";\")", "Split(\";\", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)", ";")]
    [InlineData("Split(',', StringSplitOptions.None)", "Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)", ",")]
    [InlineData("Split(',', ';')", "Split(new[] { ',', ';' }, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)", ",")]
    [InlineData("Split(new[] { ';' })", "Split(new[] { ';' }, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)", ";")]
    public async Task Split_Fix_TrimsEntries(string split, string fixedSplit, string separator)
    {
        await VerifyCS.VerifyCodeFixAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(builder.Configuration["Cors:Origins"]!.{|#0:{{split}}|})));
            """, $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(builder.Configuration["Cors:Origins"]!.{{fixedSplit}})));
            """, OriginNeverMatchesSplitEntriesCodeFixProvider.TrimEntriesKey, expected: Untrimmed(separator));
    }

    [Fact]
    public async Task WithoutSystemUsing_Fix_QualifiesTheOptions()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(builder.Configuration["Cors:Origins"]!.{|#0:Split(',')|})));
            """, """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(builder.Configuration["Cors:Origins"]!.Split(',', System.StringSplitOptions.TrimEntries | System.StringSplitOptions.RemoveEmptyEntries))));
            """, OriginNeverMatchesSplitEntriesCodeFixProvider.TrimEntriesKey, implicitUsings: false, Untrimmed(","));
    }

    [Fact]
    public async Task TwoPolicies_FixAll_TrimsBoth()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var web = builder.Configuration["Cors:Web"]!.{|#0:Split(',')|};
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("web", p => p.{|#1:WithOrigins(web)|});
                o.AddPolicy("admin", p => p.WithOrigins(builder.Configuration["Cors:Admin"]!.{|#2:Split(';')|}));
            });
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var web = builder.Configuration["Cors:Web"]!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("web", p => p.WithOrigins(web));
                o.AddPolicy("admin", p => p.WithOrigins(builder.Configuration["Cors:Admin"]!.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
            });
            """, OriginNeverMatchesSplitEntriesCodeFixProvider.TrimEntriesKey, expected: new[] { Untrimmed(",").WithLocation(1), Untrimmed(";", 2) });
    }

    [Fact]
    public async Task FrameworkWithoutTrimEntries_Fix_TrimsEachEntry()
    {
        // ASP.NET Core 2.x on .NET Standard 2.0: StringSplitOptions has no TrimEntries there.
        var test = new VerifyCS.Test("""
            using Microsoft.AspNetCore.Cors.Infrastructure;
            using Microsoft.Extensions.Configuration;

            public static class Cors
            {
                public static CorsPolicy Build(IConfiguration configuration) =>
                    new CorsPolicyBuilder().WithOrigins(configuration["Cors:Origins"].{|#0:Split(',')|}).Build();
            }
            """, """
            using Microsoft.AspNetCore.Cors.Infrastructure;
            using Microsoft.Extensions.Configuration;
            using System.Linq;

            public static class Cors
            {
                public static CorsPolicy Build(IConfiguration configuration) =>
                    new CorsPolicyBuilder().WithOrigins(configuration["Cors:Origins"].Split(',').Select(origin => origin.Trim()).ToArray()).Build();
            }
            """, implicitUsings: false)
        {
            CodeActionEquivalenceKey = OriginNeverMatchesSplitEntriesCodeFixProvider.TrimEntriesKey,
        };
        test.TestState.ReferenceAssemblies = ReferenceSets.NetStandard20;
        test.TestState.AdditionalReferences.AddRange(ReferenceSets.AspNetCore2Libraries);
        test.FixedState.ReferenceAssemblies = ReferenceSets.NetStandard20;
        test.FixedState.AdditionalReferences.AddRange(ReferenceSets.AspNetCore2Libraries);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(DiagnosticDescriptors.ConfiguredListSplitUntrimmed).WithLocation(0).WithArguments(",", "trim each entry"));
        await test.RunAsync();
    }
}
