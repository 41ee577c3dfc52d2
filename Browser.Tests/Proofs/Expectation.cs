using CorsAnalyzers.Browser.Tests.Lab;

namespace CorsAnalyzers.Browser.Tests.Proofs;

/// <summary>What a page must get from a call.</summary>
internal enum Seen
{
    /// <summary>The page reads a 200 response: the endpoint's "ok", the signed-in account, and the header it reads.</summary>
    Reads,

    /// <summary>The page reads the response but not the custom header it asked for.</summary>
    ReadsWithoutHeader,

    /// <summary>The browser withholds the response from the page and names a CORS reason in the console.</summary>
    Blocked,

    /// <summary>Nothing listens: the app did not start.</summary>
    NoServer,
}

/// <summary>One call from one page and what it must give the page.</summary>
internal sealed record Expectation(Page Page, Call Call, Seen Seen)
{
    public bool IsMetBy(Outcome outcome) => Seen switch
    {
        Seen.Reads => outcome.Read && outcome.Status == 200 && outcome.Body == ExpectedBody && (Call.ReadHeader is null || outcome.Header is not null),
        Seen.ReadsWithoutHeader => outcome.Read && outcome.Status == 200 && outcome.Body == ExpectedBody && outcome.Header is null,
        Seen.Blocked => outcome.BlockedByCors,
        Seen.NoServer => outcome.ConnectionRefused,
        _ => false,
    };

    private string ExpectedBody => Call.Path == BrowserLab.AccountPath ? BrowserLab.AccountBody : "ok";

    public override string ToString() => $"{Page}, {Call}: {Seen}";
}
