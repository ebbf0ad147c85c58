using System.Management.Automation;

namespace VpcCni.PowerShell;

/// <summary>The completers' one matching rule: the typed word, without quotes, as a case-insensitive prefix (wildcards allowed).</summary>
internal static class CompletionWords
{
    public static IEnumerable<CompletionResult> Matching(IEnumerable<string> words, string? wordToComplete, Func<string, string>? tooltip = null)
    {
        var pattern = new WildcardPattern((wordToComplete ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
        return words.Where(pattern.IsMatch)
            .Select(w => new CompletionResult(w, w, CompletionResultType.ParameterValue, tooltip?.Invoke(w) ?? w));
    }
}
