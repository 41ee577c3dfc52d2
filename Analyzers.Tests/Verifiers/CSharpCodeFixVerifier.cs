using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace CorsAnalyzers.Tests;

public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>A rule with several descriptors (a second one for findings decided at compilation end) means its first, main one.</summary>
    public static DiagnosticResult Diagnostic(string diagnosticId) =>
        CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(new TAnalyzer().SupportedDiagnostics.First(d => d.Id == diagnosticId));

    /// <summary>For a rule with several messages under one ID: the descriptor names the message expected.</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) =>
        CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(descriptor);

    public static Task VerifyAnalyzerAsync([StringSyntax("C#-test")] string source, params DiagnosticResult[] expected) =>
        CSharpAnalyzerVerifier<TAnalyzer>.VerifyAnalyzerAsync(source, expected);

    /// <summary>Applies the action with <paramref name="equivalenceKey"/> and compares with <paramref name="fixedSource"/>; Fix All runs too.</summary>
    public static async Task VerifyCodeFixAsync(
        [StringSyntax("C#-test")] string source,
        [StringSyntax("C#-test")] string fixedSource,
        string? equivalenceKey,
        bool implicitUsings = true,
        params DiagnosticResult[] expected)
    {
        var test = new Test(source, fixedSource, implicitUsings) { CodeActionEquivalenceKey = equivalenceKey };
        await RunAsync(test, expected);
    }

    /// <summary>
    /// Like <see cref="VerifyCodeFixAsync"/> for a diagnostic reported where a constant is declared rather than where the
    /// analyzed code uses it: such diagnostics are non-local (build and full-solution analysis), and still fixable.
    /// </summary>
    public static async Task VerifyNonLocalCodeFixAsync(
        [StringSyntax("C#-test")] string source,
        [StringSyntax("C#-test")] string fixedSource,
        string equivalenceKey,
        params DiagnosticResult[] expected)
    {
        var test = new Test(source, fixedSource) { CodeActionEquivalenceKey = equivalenceKey };
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        await RunAsync(test, expected);
    }

    private static async Task RunAsync(Test test, DiagnosticResult[] expected)
    {
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>Asserts that no action with <paramref name="equivalenceKey"/> is offered for the diagnostics in <paramref name="source"/>.</summary>
    public static async Task VerifyNoCodeFixAsync([StringSyntax("C#-test")] string source, string equivalenceKey, params DiagnosticResult[] expected)
    {
        var test = new Test(source, source, implicitUsings: true) { CodeActionEquivalenceKey = equivalenceKey };
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test(string source, string fixedSource, bool implicitUsings = true)
        {
            TestCode = source;
            FixedCode = fixedSource;
            MarkupOptions = MarkupOptions.UseFirstDescriptor;
            CorsTestSetup.Apply(TestState, source, implicitUsings);
            CorsTestSetup.DisableOtherFamilies(new TAnalyzer(), DisabledDiagnostics);
            if (implicitUsings)
            {
                FixedState.Sources.Add(("/0/GlobalUsings.g.cs", CorsTestSetup.WebSdkImplicitUsings));
            }
        }

        /// <summary>The reference sets are resolved and checked before anything is compiled against them.</summary>
        protected override async Task RunImplAsync(CancellationToken cancellationToken)
        {
            await ReferenceSets.EnsureResolvedAsync(TestState);
            await base.RunImplAsync(cancellationToken);
        }

        /// <summary>Symbols such as DEBUG that the test compilation defines.</summary>
        public string[] PreprocessorSymbols { get; set; } = [];

        /// <summary>The C# version of the test compilation (the fixes write what that version compiles).</summary>
        public Microsoft.CodeAnalysis.CSharp.LanguageVersion LanguageVersion { get; set; } = CorsTestSetup.ParseOptions.LanguageVersion;

        protected override ParseOptions CreateParseOptions() =>
            CorsTestSetup.ParseOptions.WithLanguageVersion(LanguageVersion).WithPreprocessorSymbols(PreprocessorSymbols);
    }
}
