namespace ReportGen.Templating;

/// <summary>A template asked for something the data or the helpers cannot give; located by the composer.</summary>
public sealed class TemplateException(string message, string? helper = null) : Exception(message)
{
    public string? Helper { get; } = helper;
}
