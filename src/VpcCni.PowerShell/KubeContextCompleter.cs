using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using VpcCni.Engine.Manifests;

namespace VpcCni.PowerShell;

/// <summary>Completes <c>-Context</c> with the contexts of the kubeconfig the command would use (its <c>-Kubeconfig</c>, else kubectl's default).</summary>
public sealed class KubeContextCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var path = fakeBoundParameters?["Kubeconfig"] as string ?? KubeconfigLocation.Default();
        return CompletionWords.Matching(KubeconfigContexts.Names(path), wordToComplete, c => $"context {c} of {path}");
    }
}
