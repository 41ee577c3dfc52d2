using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes.Common;

/// <summary>Whether an expression a fix repeats or removes can change anything when it runs.</summary>
internal static class SideEffects
{
    /// <summary>
    /// True when <paramref name="expression"/> assigns, increments, awaits or calls nothing but the calls
    /// <paramref name="isPureCall"/> accepts; object creations only where <paramref name="allowCreation"/>.
    /// </summary>
    public static bool None(ExpressionSyntax expression, Func<InvocationExpressionSyntax, bool> isPureCall, bool allowCreation)
    {
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case InvocationExpressionSyntax invocation when !isPureCall(invocation):
                case AssignmentExpressionSyntax or PostfixUnaryExpressionSyntax or AwaitExpressionSyntax:
                case ObjectCreationExpressionSyntax when !allowCreation:
                case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression):
                    return false;
            }
        }

        return true;
    }
}
