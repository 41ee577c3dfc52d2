using System.Threading.Tasks;
using VerifyCS = CorsAnalyzers.Tests.CSharpAnalyzerVerifier<CorsAnalyzers.Tests.PolicyRules>;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>CORS004 on source-generated regexes and Regex fields and properties, checked like Regex.IsMatch.</summary>
public sealed class CORS004GeneratedRegexTests
{
    private const string Unanchored = "without ^...$ anchors any origin that contains a match passes";
    private const string UnescapedDot = "an unescaped '.' matches any character, so look-alike hosts pass";

    private static string Program(string predicate) => $$"""
        using System.Text.RegularExpressions;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.SetIsOriginAllowed({{predicate}}).AllowCredentials()));

        partial class Program
        {
            [GeneratedRegex(@"https://app\.contoso\.com")]
            private static partial Regex UnanchoredOrigin();

            [GeneratedRegex(@"^https://[a-z]+.contoso.com$", RegexOptions.IgnoreCase)]
            private static partial Regex LooseHost();

            [GeneratedRegex(@"^https://app\.contoso\.com$")]
            private static partial Regex ExactOrigin();

            private static readonly Regex FromGenerated = UnanchoredOrigin();
            private static readonly Regex Compiled = new(@"https://app\.contoso\.com", RegexOptions.Compiled);
            private static Regex Property { get; } = new Regex(@"^https://[a-z]+.contoso.com$");
            private static readonly string PatternText = @"https://app\.contoso\.com";
            private static Regex Mutable = new(@"https://app\.contoso\.com");
        }

        // What the regex source generator adds; the analyzer reads the attribute, not this body.
        partial class Program
        {
            private static partial Regex UnanchoredOrigin() => null!;

            private static partial Regex LooseHost() => null!;

            private static partial Regex ExactOrigin() => null!;
        }
        """;

    [Theory]
    [InlineData("o => UnanchoredOrigin().{|#0:IsMatch(o)|}", "https://app\\.contoso\\.com", Unanchored)]
    [InlineData("o => LooseHost().{|#0:IsMatch(o)|}", "^https://[a-z]+.contoso.com$", UnescapedDot)]
    [InlineData("o => UnanchoredOrigin().{|#0:Match(o)|}.Success", "https://app\\.contoso\\.com", Unanchored)]
    [InlineData("o => FromGenerated.{|#0:IsMatch(o)|}", "https://app\\.contoso\\.com", Unanchored)]
    [InlineData("o => Compiled.{|#0:IsMatch(o)|}", "https://app\\.contoso\\.com", Unanchored)]
    [InlineData("o => Property.{|#0:IsMatch(o)|}", "^https://[a-z]+.contoso.com$", UnescapedDot)]
    [InlineData("o => Regex.{|#0:IsMatch(o, PatternText)|}", "https://app\\.contoso\\.com", Unanchored)]
    [InlineData("o => Regex.{|#0:Match(o, PatternText)|}.Success", "https://app\\.contoso\\.com", Unanchored)]
    public async Task GeneratedOrStoredRegex_ReportsDiagnostic(string predicate, string pattern, string bypass)
    {
        await VerifyCS.VerifyAnalyzerAsync(
            Program(predicate),
            VerifyCS.Diagnostic(DiagnosticIds.BypassableOriginCheck).WithLocation(0).WithArguments($"Regex '{pattern}'", bypass));
    }

    [Theory]
    [InlineData("o => ExactOrigin().IsMatch(o)")]
    [InlineData("o => ExactOrigin().Match(o).Success")]
    [InlineData("o => UnanchoredOrigin().IsMatch(\"https://app.contoso.com\") && o == \"https://app.contoso.com\"")]
    [InlineData("o => Mutable.IsMatch(o)")]
    public async Task AnchoredUnrelatedOrUnprovable_NoDiagnostic(string predicate)
    {
        await VerifyCS.VerifyAnalyzerAsync(Program(predicate));
    }
}
