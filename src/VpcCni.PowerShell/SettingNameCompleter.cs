using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace VpcCni.PowerShell;

/// <summary>Completes the variable names a node serves in its env-settings views (docs/service.md, "Introspection").</summary>
public sealed class SettingNameCompleter : IArgumentCompleter
{
    /// <summary>The names of <c>/v1/ipamd-env-settings</c>, then of <c>/v1/networkutils-env-settings</c>.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "AWS_MANAGE_ENIS_NON_SCHEDULABLE", "AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG", "ENABLE_SUBNET_DISCOVERY", "WARM_ENI_TARGET", "WARM_IP_TARGET",
        "AWS_EXTERNAL_SERVICE_CIDRS", "AWS_VPC_CNI_NODE_PORT_SUPPORT", "AWS_VPC_ENI_MTU", "AWS_VPC_K8S_CNI_CONNMARK", "AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS",
        "AWS_VPC_K8S_CNI_EXTERNALSNAT", "AWS_VPC_K8S_CNI_RANDOMIZESNAT", "AWS_VPC_K8S_CNI_VETHPREFIX",
    ];

    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionWords.Matching(Names, wordToComplete);
}
