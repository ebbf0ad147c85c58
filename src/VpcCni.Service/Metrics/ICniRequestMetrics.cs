namespace VpcCni.Service.Metrics;

/// <summary>What the gRPC edge reports about the plugin's calls (upstream <c>pkg/ipamd/rpc_handler.go</c> counts the same).</summary>
public interface ICniRequestMetrics
{
    /// <summary>An AddNetwork call arrived (<c>awscni_add_ip_req_count</c>).</summary>
    void AddNetworkRequested();

    /// <summary>AddNetwork got an address; <paramref name="repeat"/> when the pod already held it.</summary>
    void AddressAssigned(bool repeat);

    /// <summary>AddNetwork found no free address (<c>awscni_no_available_ip_addresses</c>).</summary>
    void NoAddressAvailable();

    /// <summary>A DelNetwork call arrived with the plugin's reason (<c>awscni_del_ip_req_count</c>).</summary>
    void DelNetworkRequested(string reason);

    /// <summary>A branch-ENI pod got its answer after waiting <paramref name="waited"/> at this node (<c>awscni_pod_eni_allocation_duration_seconds</c>).</summary>
    void BranchEniAnswered(TimeSpan waited);
}
