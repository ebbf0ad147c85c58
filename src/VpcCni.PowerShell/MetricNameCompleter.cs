using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace VpcCni.PowerShell;

/// <summary>Completes the metric families the node service exports (docs/service.md, "Metrics"; upstream's names).</summary>
public sealed class MetricNameCompleter : IArgumentCompleter
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "awscni_add_ip_req_count", "awscni_assigned_ip_addresses", "awscni_assigned_ip_per_cidr", "awscni_assigned_ip_per_eni",
        "awscni_aws_api_error_count", "awscni_aws_api_latency_ms", "awscni_aws_utils_error_count", "awscni_build_info",
        "awscni_connmark_backend", "awscni_connmark_reconcile_total", "awscni_del_ip_req_count", "awscni_ec2api_error_count",
        "awscni_ec2api_req_count", "awscni_eni_allocated", "awscni_eni_allocation_error_count", "awscni_eni_max",
        "awscni_force_removed_enis", "awscni_force_removed_ips", "awscni_ip_allocation_total", "awscni_ip_cooldown_queue_size",
        "awscni_ip_max", "awscni_ipamd_action_inprogress", "awscni_ipamd_error_count", "awscni_ipamd_node_initialization_duration_seconds",
        "awscni_ipamd_startup_duration_seconds", "awscni_no_available_ip_addresses", "awscni_pod_eni_allocation_duration_seconds",
        "awscni_pod_eni_error_count", "awscni_reconcile_count", "awscni_reconcile_error_count", "awscni_total_ip_addresses",
        "awscni_total_ipv4_prefixes",
    ];

    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionWords.Matching(Names, wordToComplete);
}
