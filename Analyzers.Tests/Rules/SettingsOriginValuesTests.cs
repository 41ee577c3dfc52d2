using System.Diagnostics.CodeAnalysis;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = CorsAnalyzers.Tests.CSharpAnalyzerVerifier<CorsAnalyzers.Tests.PolicyRules>;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>CORS001, 003, 005, 006 and 007 on the values of appsettings*.json that a policy reads as origins.</summary>
public sealed class SettingsOriginValuesTests
{
    private const string ReadsArray = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins({|#9:builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>()|} ?? [])));
        """;

    private static async Task VerifyAsync([StringSyntax("C#-test")] string source, (string Name, string Text)[] files, params DiagnosticResult[] expected)
    {
        // The '#pragma warning disable' pass shifts the C# lines under a finding that stays in the JSON file.
        var test = new VerifyCS.Test(source) { TestBehaviors = TestBehaviors.SkipSuppressionCheck };
        foreach (var (name, text) in files)
        {
            test.TestState.AdditionalFiles.Add(("/0/" + name, text));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    private static DiagnosticResult NeverMatches(string origin, string where, string reason, int location = 0, int use = 9) =>
        VerifyCS.Diagnostic(DiagnosticDescriptors.OriginNeverMatchesInSettings).WithLocation(location).WithLocation(use).WithArguments(origin, where, reason);

    [Theory]
    [InlineData("https://app.contoso.com/", "browsers send origins without a trailing slash; use 'https://app.contoso.com'")]
    [InlineData("https://app.contoso.com/login", "an origin is only scheme, host and port, browsers never send a path, query or fragment; use 'https://app.contoso.com'")]
    [InlineData("app.contoso.com", "browsers always send the scheme; use 'https://app.contoso.com' (or http:// if that is what the site uses)")]
    [InlineData("https://app.contoso.com:443", "browsers omit the default port; use 'https://app.contoso.com'")]
    [InlineData(" https://app.contoso.com", "surrounding whitespace is not trimmed; use 'https://app.contoso.com'")]
    [InlineData("https://a.contoso.com,https://b.contoso.com", "it is one origin, not a list; give each origin its own array entry")]
    [InlineData("http:localhost:5173", "'//' is missing after the scheme; use 'http://localhost:5173'")]
    public async Task BadArrayEntry_ReportsOriginNeverMatches(string origin, string reason)
    {
        await VerifyAsync(ReadsArray, new[]
        {
            ("appsettings.json", $$"""
                {
                  "Cors": {
                    "AllowedOrigins": [ "https://ok.contoso.com", {|#0:"{{origin}}"|} ]
                  }
                }
                """),
        }, NeverMatches(origin, "appsettings.json, Cors:AllowedOrigins:1", reason));
    }

    [Fact]
    public async Task CommentsTrailingCommasAndEnvironmentFiles_EachBadEntryReported()
    {
        await VerifyAsync(ReadsArray, new[]
        {
            ("appsettings.json", """
                // Settings for every environment.
                {
                  /* CORS */
                  "cors": {
                    "allowedOrigins": [
                      {|#0:"https://a.contoso.com/"|}, // trailing slash
                      {|#1:"https://b.contoso.com/"|},
                    ],
                  },
                }
                """),
            ("appsettings.Production.json", """
                { "Cors:AllowedOrigins": [ {|#2:"https://c.contoso.com:443"|} ] }
                """),
        },
            NeverMatches("https://a.contoso.com/", "appsettings.json, cors:allowedOrigins:0", "browsers send origins without a trailing slash; use 'https://a.contoso.com'", 0),
            NeverMatches("https://b.contoso.com/", "appsettings.json, cors:allowedOrigins:1", "browsers send origins without a trailing slash; use 'https://b.contoso.com'", 1),
            NeverMatches("https://c.contoso.com:443", "appsettings.Production.json, Cors:AllowedOrigins:0", "browsers omit the default port; use 'https://c.contoso.com'", 2));
    }

    [Fact]
    public async Task NestedSectionsAndIndexer_ReportsOnTheValue()
    {
        await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var cors = builder.Configuration.GetSection("Cors").GetSection("Spa");
            builder.Services.AddCors(o => o.AddPolicy("spa", p => p.WithOrigins({|#9:cors["Origin"]|}!)));
            """, new[]
        {
            ("APPSETTINGS.json", """{ "Cors": { "Spa": { "Origin": {|#0:"https://spa.contoso.com/"|} } }, "Links": { "Home": "https://www.contoso.com/" } }"""),
        }, NeverMatches("https://spa.contoso.com/", "APPSETTINGS.json, Cors:Spa:Origin", "browsers send origins without a trailing slash; use 'https://spa.contoso.com'"));
    }

    [Fact]
    public async Task SplitString_EachBadPartReported()
    {
        await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var origins = {|#9:builder.Configuration["Cors:Origins"]|}!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            builder.Services.AddCors(o => o.AddPolicy("web", p => p.WithOrigins(origins)));
            """, new[]
        {
            ("appsettings.json", """{ "Cors": { "Origins": "https://a.contoso.com, {|#0:https://b.contoso.com/|}, {|#1:c.contoso.com|}" } }"""),
        },
            NeverMatches("https://b.contoso.com/", "appsettings.json, Cors:Origins", "browsers send origins without a trailing slash; use 'https://b.contoso.com'", 0),
            NeverMatches("c.contoso.com", "appsettings.json, Cors:Origins", "browsers always send the scheme; use 'https://c.contoso.com' (or http:// if that is what the site uses)", 1));
    }

    [Fact]
    public async Task OptionClassBoundFromSection_ReportsOnTheValue()
    {
        await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var settings = builder.Configuration.GetSection("Cors").Get<CorsSettings>() ?? new CorsSettings();
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins({|#9:settings.AllowedOrigins|})));

            public sealed class CorsSettings
            {
                public string[] AllowedOrigins { get; set; } = [];
            }
            """, new[]
        {
            ("appsettings.json", """{ "Cors": { "AllowedOrigins": [ {|#0:"https://app.contoso.com/"|} ] } }"""),
        }, NeverMatches("https://app.contoso.com/", "appsettings.json, Cors:AllowedOrigins:0", "browsers send origins without a trailing slash; use 'https://app.contoso.com'"));
    }

    [Fact]
    public async Task GetValueCollectionKey_ValuesCheckedToo()
    {
        await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins({|#9:builder.Configuration.{|#1:GetValue<string[]>("Cors:AllowedOrigins")|}|} ?? [])));
            """, new[]
        {
            ("appsettings.json", """{ "Cors": { "AllowedOrigins": [ {|#0:"https://app.contoso.com/"|} ] } }"""),
        },
            VerifyCS.Diagnostic(DiagnosticIds.ConfigurationArrayReadWithGetValue).WithLocation(1).WithArguments("string[]", "only the fallback value reaches WithOrigins, never the configured values"),
            NeverMatches("https://app.contoso.com/", "appsettings.json, Cors:AllowedOrigins:0", "browsers send origins without a trailing slash; use 'https://app.contoso.com'"));
    }

    [Fact]
    public async Task StarAndNull_ReportedByTheirRules()
    {
        await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("public", p => p.WithOrigins({|#9:builder.Configuration.GetSection("Public:Origins").Get<string[]>()|} ?? []));
                o.AddPolicy("partners", p => p.WithOrigins({|#8:builder.Configuration.GetSection("Partners:Origins").Get<string[]>()|} ?? []).AllowCredentials());
                o.AddPolicy("mixed", p => p.WithOrigins({|#7:builder.Configuration.GetSection("Mixed:Origins").Get<string[]>()|} ?? []));
            });
            """, new[]
        {
            ("appsettings.json", """
                {
                  "Public": { "Origins": [ {|#0:"*"|} ] },
                  "Partners": { "Origins": [ {|#1:"null"|}, {|#2:"http://partner.example.com"|}, "http://localhost:5173" ] },
                  "Mixed": { "Origins": [ "https://a.contoso.com", {|#3:"*"|} ] }
                }
                """),
        },
            VerifyCS.Diagnostic(DiagnosticDescriptors.AnyOriginInSettings).WithLocation(0).WithLocation(9).WithArguments("appsettings.json, Public:Origins:0"),
            VerifyCS.Diagnostic(DiagnosticDescriptors.NullOriginTrustedInSettings).WithLocation(1).WithLocation(8).WithArguments("appsettings.json, Partners:Origins:0"),
            VerifyCS.Diagnostic(DiagnosticDescriptors.InsecureOriginWithCredentialsInSettings).WithLocation(2).WithLocation(8).WithArguments("http://partner.example.com", "appsettings.json, Partners:Origins:1"),
            NeverMatches("*", "appsettings.json, Mixed:Origins:1", "'*' means any origin only when it is the only entry; next to other origins it is compared literally", 3, 7));
    }

    [Fact]
    public async Task StarWithCredentials_ReportsAnyOriginWithCredentials()
    {
        await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins({|#9:builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>()|} ?? []).AllowCredentials()));
            """, new[]
        {
            ("appsettings.json", """{ "Cors": { "AllowedOrigins": [ {|#0:"*"|} ] } }"""),
        }, VerifyCS.Diagnostic(DiagnosticDescriptors.AnyOriginWithCredentialsInSettings).WithLocation(0).WithLocation(9).WithArguments("appsettings.json, Cors:AllowedOrigins:0"));
    }

    [Fact]
    public async Task DevelopmentFile_SilencesStarNullAndHttp_ButNotNeverMatches()
    {
        await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins({|#9:builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>()|} ?? []).AllowCredentials()));
            """, new[]
        {
            ("appsettings.Development.json", """{ "Cors": { "AllowedOrigins": [ "null", "http://dev.contoso.com", {|#0:"http://localhost:5173/"|} ] } }"""),
        }, NeverMatches("http://localhost:5173/", "appsettings.Development.json, Cors:AllowedOrigins:2", "browsers send origins without a trailing slash; use 'http://localhost:5173'"));
    }

    [Fact]
    public async Task DevelopmentFileWithOption_ReportsTheSilencedRules()
    {
        var test = new VerifyCS.Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins({|#9:builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>()|} ?? [])));
            """);
        test.TestState.AdditionalFiles.Add(("/0/appsettings.Development.json", """{ "Cors": { "AllowedOrigins": [ {|#0:"null"|} ] } }"""));
        test.TestState.AnalyzerConfigFiles.Add(("/0/.editorconfig", """
            [*.cs]
            cors_analyzers.report_in_development = true
            """));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(DiagnosticDescriptors.NullOriginTrustedInSettings).WithLocation(0).WithLocation(9).WithArguments("appsettings.Development.json, Cors:AllowedOrigins:0"));
        await test.RunAsync();
    }

    [Fact]
    public async Task KeysNotUsedAsOrigins_NoDiagnostic()
    {
        await VerifyAsync(ReadsArray.Replace("{|#9:", string.Empty).Replace("|}", string.Empty), new[]
        {
            ("appsettings.json", """
                {
                  "Links": { "Home": "https://x.com/" },
                  "AllowedHosts": "*",
                  "Cors": { "AllowedOrigins": [ "https://app.contoso.com", "HTTPS://ADMIN.CONTOSO.COM", "https://*.contoso.com" ], "Methods": [ "*" ] }
                }
                """),
            ("settings.json", """{ "Cors": { "AllowedOrigins": [ "https://app.contoso.com/" ] } }"""),
            ("appsettings.Local.backup.json", """{ "Cors": { "AllowedOrigins": [ "https://app.contoso.com/" ] } }"""),
        });
    }

    [Fact]
    public async Task AllowedHostsValues_OnlyCors020()
    {
        await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins({|#0:builder.Configuration["AllowedHosts"]|}!)));
            """, new[] { ("appsettings.json", """{ "AllowedHosts": "*" }""") },
            VerifyCS.Diagnostic(DiagnosticIds.AllowedHostsAsOrigins).WithLocation(0).WithArguments("Cors:AllowedOrigins"));
    }

    [Fact]
    public async Task ListReplacedByAllowAnyOriginLater_NoDiagnostic()
    {
        await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).{|#0:AllowAnyOrigin()|}));
            """, new[] { ("appsettings.json", """{ "Cors": { "AllowedOrigins": [ "https://app.contoso.com/" ] } }""") },
            VerifyCS.Diagnostic(DiagnosticDescriptors.AnyOrigin).WithLocation(0).WithArguments("AllowAnyOrigin()"));
    }

    [Theory]
    [InlineData("""{ "Cors": { "AllowedOrigins": [ "https://app.contoso.com/" """)]
    [InlineData("""{ "Cors": { "AllowedOrigins": [ "https://app.contoso.com/""")]
    [InlineData("""{ "Cors": { "AllowedOrigins": [ "https://app.contoso.com/" ] } } }""")]
    [InlineData("""{ "Cors": { "AllowedOrigins" [ "https://app.contoso.com/" ] } }""")]
    [InlineData("""{ "Cors": /* unclosed comment""")]
    [InlineData("""{ "Cors": "\u12""")]
    [InlineData("")]
    [InlineData("[ \"https://app.contoso.com/\" ]")]
    public async Task HalfTypedJson_NoDiagnosticNoCrash(string json)
    {
        await VerifyAsync(ReadsArray.Replace("{|#9:", string.Empty).Replace("|}", string.Empty), new[] { ("appsettings.json", json) });
    }

    [Fact]
    public async Task MisplacedWildcardWithCredentials_NoCORS003CORS005CORS006()
    {
        // A '*' anywhere but a leading "*." label is compared literally: the value allows nothing (only CORS007 may apply).
        var compilation = await TestCompilations.CreateAsync(new[]
        {
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p
                .WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [])
                .SetIsOriginAllowedToAllowWildcardSubdomains()
                .AllowCredentials()));
            """,
        });
        var settings = new[]
        {
            TestCompilations.AdditionalFile("/app/appsettings.json", """{ "Cors": { "AllowedOrigins": [ "https://app.contoso.com" ] } }"""),
            TestCompilations.AdditionalFile("/app/appsettings.Production.json", """
                { "Cors": { "AllowedOrigins": [ "http://192.168.*.*:*", "http://localhost:*", "http://api.*.contoso.com", "*.contoso.com", "http://10.0.0.9" ] } }
                """),
        };
        var (diagnostics, exceptions) = await TestCompilations.AnalyzeAsync(compilation, new[] { new PolicyRules() }, settings);
        Assert.Empty(exceptions);
        var insecure = Assert.Single(diagnostics, static d => d.Id == DiagnosticIds.InsecureOriginWithCredentials);
        Assert.Contains("http://10.0.0.9", insecure.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics, static d => d.Id is DiagnosticIds.AnyOrigin or DiagnosticIds.NullOriginTrusted or DiagnosticIds.AnyOriginWithCredentials);
    }

    [Fact]
    public async Task ValuesThroughAProjection_NotCheckedAsOrigins()
    {
        // RemovePostFix("/") removes the slash the JSON value has: the values are not the origins. The untrimmed split
        // is reported in C# (CORS007); the AllowedHosts list turned into origins is not CORS020.
        await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("app", p => p.WithOrigins(builder.Configuration["App:CorsOrigins"]!.{|#0:Split(',')|}.Select(o => o.RemovePostFix("/")).ToArray()));
                o.AddPolicy("hosts", p => p.WithOrigins(builder.Configuration["AllowedHosts"]!.Split(';', StringSplitOptions.TrimEntries).Select(h => "https://" + h).ToArray()));
            });

            public static class StringExtensions
            {
                public static string RemovePostFix(this string text, string postFix) =>
                    text.EndsWith(postFix, StringComparison.Ordinal) ? text.Substring(0, text.Length - postFix.Length) : text;
            }
            """, new[]
        {
            ("appsettings.json", """{ "AllowedHosts": "app.contoso.com;admin.contoso.com", "App": { "CorsOrigins": "https://app.contoso.com/,https://admin.contoso.com/" } }"""),
        }, VerifyCS.Diagnostic(DiagnosticDescriptors.ConfiguredListSplitUntrimmed).WithLocation(0).WithArguments(",", "add StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries"));
    }

    private static DiagnosticResult Insecure(string origin, string where, int location, int use = 9) =>
        VerifyCS.Diagnostic(DiagnosticDescriptors.InsecureOriginWithCredentialsInSettings).WithLocation(location).WithLocation(use).WithArguments(origin, where);

    [Fact]
    public async Task OptionClassPropertyThatSplits_EachBadPartReported()
    {
        await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var settings = builder.Configuration.GetSection("Cors").Get<CorsSettings>()!;
            builder.Services.AddCors(o => o.AddPolicy("web", p => p.WithOrigins(settings.Origins).AllowCredentials()));

            public sealed class CorsSettings
            {
                public string AllowedOrigins { get; set; } = "";

                public string[] Origins => {|#9:AllowedOrigins|}.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            }
            """, new[]
        {
            ("appsettings.json", """{ "Cors": { "AllowedOrigins": "https://a.contoso.com, {|#0:https://b.contoso.com/|}, {|#1:http://10.1.2.3|}" } }"""),
        },
            NeverMatches("https://b.contoso.com/", "appsettings.json, Cors:AllowedOrigins", "browsers send origins without a trailing slash; use 'https://b.contoso.com'", 0),
            Insecure("http://10.1.2.3", "appsettings.json, Cors:AllowedOrigins", 1));
    }

    [Fact]
    public async Task OptionClassPropertyThatDoesNotReadTheSettings_NoDiagnostic()
    {
        await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var settings = builder.Configuration.GetSection("Cors").Get<CorsSettings>()!;
            builder.Services.AddCors(o => o.AddPolicy("web", p => p.WithOrigins(settings.Origins).AllowCredentials()));

            public sealed class CorsSettings
            {
                public string AllowedOrigins { get; set; } = "";

                public string[] Origins => new[] { "https://app.contoso.com" };
            }
            """, new[]
        {
            ("appsettings.json", """{ "Cors": { "AllowedOrigins": "https://b.contoso.com/, http://10.1.2.3", "Origins": [ "https://c.contoso.com/" ] } }"""),
        });
    }

    [Theory]
    [InlineData("""{|#9:builder.Configuration.GetSection("AllowedOrigins").GetChildren().Select(c => c.Value!)|}.ToArray()""", false)]
    [InlineData("""{|#9:builder.Configuration.GetSection("AllowedOrigins").Get<string[]>()|} ?? []""", false)]
    [InlineData("""{|#9:builder.Configuration.{|#2:GetValue<string[]>("AllowedOrigins")|}|} ?? []""", true)]
    public async Task TopLevelArrayReadInUserAddCorsExtension_ReportsDefaultPortAndHttp(string read, bool getValue)
    {
        // A user extension named like the framework's AddCors, on the WebApplicationBuilder.
        var expected = new System.Collections.Generic.List<DiagnosticResult>
        {
            NeverMatches("http://localhost:80", "appsettings.json, AllowedOrigins:0", "browsers omit the default port; use 'http://localhost'", 0),
            Insecure("http://10.1.2.3", "appsettings.json, AllowedOrigins:1", 1),
        };
        if (getValue)
        {
            expected.Add(VerifyCS.Diagnostic(DiagnosticIds.ConfigurationArrayReadWithGetValue).WithLocation(2).WithLocation(3)
                .WithArguments("string[]", "only the fallback value reaches WithOrigins, never the configured values"));
        }

        await VerifyAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.AddCors();
            var app = builder.Build();
            app.UseCors("web");
            app.Run();

            public static class CorsExtensions
            {
                public static WebApplicationBuilder AddCors(this WebApplicationBuilder builder)
                {
                    var allowedOrigins = {{read}};
                    builder.Services.AddCors(options => options.AddPolicy("web", policy => policy.{|#3:WithOrigins(allowedOrigins)|}.AllowAnyHeader().AllowCredentials()));
                    return builder;
                }
            }
            """, new[]
        {
            ("appsettings.json", """{ "AllowedOrigins": [ {|#0:"http://localhost:80"|}, {|#1:"http://10.1.2.3"|}, "https://app.contoso.com" ] }"""),
        }, expected.ToArray());
    }

    [Fact]
    public async Task ChildrenKeysNotValues_NoDiagnostic()
    {
        await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("web", p => p.WithOrigins(builder.Configuration.GetSection("Cors:Sites").GetChildren().Select(c => c.Key).ToArray()).AllowCredentials()));
            """, new[]
        {
            ("appsettings.json", """{ "Cors": { "Sites": { "https://a.contoso.com/": "http://10.1.2.3" } } }"""),
        });
    }

    [Fact]
    public async Task LanHttpOriginWithCredentialsBehindAFallbackBranch_ReportsInsecure()
    {
        await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var corsOrigins = {|#9:builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>()|};
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("AllowFrontend", policy =>
                {
                    if (corsOrigins != null && corsOrigins.Length > 0)
                    {
                        policy.WithOrigins(corsOrigins).AllowAnyHeader().AllowAnyMethod().AllowCredentials();
                    }
                    else
                    {
                        policy.WithOrigins("https://app.contoso.com").AllowAnyHeader().AllowAnyMethod();
                    }
                });
            });
            """, new[]
        {
            ("appsettings.json", """{ "Cors": { "AllowedOrigins": [ "https://app.contoso.com" ] } }"""),
            ("appsettings.Production.json", """{ "Cors": { "AllowedOrigins": [ {|#0:"http://192.168.1.50:3000"|}, "http://localhost:3000" ] } }"""),
        }, Insecure("http://192.168.1.50:3000", "appsettings.Production.json, Cors:AllowedOrigins:0", 0));
    }
}
