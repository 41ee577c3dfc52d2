using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Rules;

internal static class MemberScopedDiagnostics
{
    /// <summary>
    /// A policy or a response is often built over several statements, and the diagnostic goes where the mistake is,
    /// outside the operation whose callback finds it. The compiler treats such a diagnostic as local to the analyzed member
    /// (a squiggle while typing) only for an analyzer that has an operation-block-start action; otherwise it is non-local
    /// and shows after a build. The action itself does nothing.
    /// </summary>
    public static void Enable(CompilationStartAnalysisContext context)
    {
#pragma warning disable RS1012 // Registers nothing on purpose: its presence alone changes how the driver scopes diagnostics.
        context.RegisterOperationBlockStartAction(static _ => { });
#pragma warning restore RS1012
    }
}
