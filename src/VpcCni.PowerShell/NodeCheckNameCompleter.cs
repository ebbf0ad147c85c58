using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using VpcCni.Engine.Diagnostics.Checks;

namespace VpcCni.PowerShell;

/// <summary>Completes the check names of Test-VpcCniNode -Check, with what each looks at.</summary>
public sealed class NodeCheckNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionWords.Matching(NodeChecks.Names, wordToComplete, name => NodeChecks.All.First(c => c.Name == name).Description);
}
