using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using CorsAnalyzers.Model;
using CorsAnalyzers.Rules.Headers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Rules;

/// <summary>
/// The hand-written header rules (section C of the catalog). Each write is checked in its own operation action, so the
/// diagnostics are local and show while typing; the writes of one place are modelled once and shared.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HeaderAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.HandWrittenCorsHeaders,
        DiagnosticDescriptors.RequestOriginReflected,
        DiagnosticDescriptors.WildcardOriginWithCredentialsHeader,
        DiagnosticDescriptors.WildcardHeaderWithCredentialsHeader);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        if (!CorsKnownTypes.TryGet(context.Compilation, out var types) || types.HttpResponse is null)
        {
            return;
        }

        MemberScopedDiagnostics.Enable(context);
        var places = new ConcurrentDictionary<IOperation, HeaderWriteModel>();
        context.RegisterOperationAction(c => AnalyzeWrite(c, types, places), OperationKind.SimpleAssignment, OperationKind.Invocation, OperationKind.Invalid);
    }

    private static void AnalyzeWrite(OperationAnalysisContext context, CorsKnownTypes types, ConcurrentDictionary<IOperation, HeaderWriteModel> places)
    {
        if (HeaderWriteModel.WrittenHeader(context.Operation, types, out _) is null)
        {
            return;
        }

        var place = HeaderWriteModel.PlaceOf(context.Operation);
        var model = places.GetOrAdd(place, p => HeaderWriteModel.Build(p, types, context.CancellationToken));
        HeaderWrite? write = null;
        foreach (var candidate in model.Writes)
        {
            if (ReferenceEquals(candidate.Operation, context.Operation))
            {
                write = candidate;
            }
        }

        if (write is null)
        {
            return;
        }

        if (ReferenceEquals(Primary(model), write))
        {
            var others = new List<Location>();
            var names = new List<string>();
            foreach (var other in model.Writes)
            {
                if (!names.Contains(other.Header))
                {
                    names.Add(other.Header);
                }

                if (!ReferenceEquals(other, write))
                {
                    others.Add(other.Operation.Syntax.GetLocation());
                }
            }

            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HandWrittenCorsHeaders, write.Operation.Syntax.GetLocation(), others, string.Join(", ", names)));
        }

        WildcardHeaderWithCredentialsRule.Check(write, model, context.ReportDiagnostic);
        if (!write.Is(HeaderWriteModel.AllowOrigin))
        {
            return;
        }

        if (write.EchoesOrigin && !write.OriginChecked)
        {
            var credentials = model.SendsCredentials ? ", and with Access-Control-Allow-Credentials: true any website can act as the signed-in user" : ": every website is allowed";
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RequestOriginReflected, write.Operation.Syntax.GetLocation(), credentials));
        }

        if (write.ConstantValue?.Trim() == CorsConstants.AnyOrigin && model.SendsCredentials)
        {
            foreach (var other in model.Writes)
            {
                if (other.Is(HeaderWriteModel.AllowCredentials))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.WildcardOriginWithCredentialsHeader, write.Operation.Syntax.GetLocation(), (IEnumerable<Location>)new[] { other.Operation.Syntax.GetLocation() }));
                    break;
                }
            }
        }
    }

    /// <summary>The write CORS016 is reported on: the first Allow-Origin write, else the first write that is not Expose-Headers.</summary>
    private static HeaderWrite? Primary(HeaderWriteModel model)
    {
        HeaderWrite? first = null;
        foreach (var write in model.Writes)
        {
            if (write.Is(HeaderWriteModel.AllowOrigin))
            {
                return write;
            }

            if (first is null && !write.Is(HeaderWriteModel.ExposeHeaders))
            {
                first = write;
            }
        }

        return first;
    }
}
