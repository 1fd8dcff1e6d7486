namespace ReportGen.Cli;

/// <summary>Exit codes of the command-line contract (README, "Using it").</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>The input (workbook or templates) has problems; all of them were printed. For diff: the builds differ.</summary>
    public const int InputProblems = 1;
    public const int Usage = 2;
    /// <summary>An internal error: a bug in ReportGen (sysexits EX_SOFTWARE).</summary>
    public const int InternalError = 70;
}
