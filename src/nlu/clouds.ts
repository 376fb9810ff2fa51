/**
 * Other clouds' words for the Azure things of our cluster: an SRE from AWS or GCP asking about this cluster says
 * "ELB", "security group" or "elastic IP" for the load balancer, the NSG or the public IP. Mapped to the Azure word
 * (https://learn.microsoft.com/azure/architecture/aws-professional/networking, "Networking on Azure and AWS"), so the
 * question reads as it would in Azure's words; the other cloud itself named ("on AWS", "EKS") stays out of scope.
 */
const AZURE_WORD: [RegExp, string][] = [
  // AWS Elastic IP → Azure public IP address
  [/\belastic ips?\b/g, 'public ip'],
  // AWS NAT instance / NAT gateway, GCP Cloud NAT → Azure NAT gateway
  [/\b(nat instances?|cloud nat)\b/g, 'nat gateway'],
  // AWS security group → Azure network security group (NSG); "network security group" is already Azure's word
  [/(?<!network )\bsecurity groups?\b/g, 'nsg'],
  // AWS Classic/Network Load Balancer → Azure Load Balancer
  [/\b(elbs|nlbs)\b/g, 'load balancers'],
  [/\b(elb|nlb)\b/g, 'load balancer'],
  // an ELB target group → the Azure Load Balancer's backend pool
  [/\btarget groups?\b/g, 'backend pool'],
  // AWS VPC / GCP VPC network → Azure virtual network
  [/\bvpcs?\b/g, 'vnet'],
  // an EC2 instance → an Azure VM (a node of the cluster)
  [/\bec2( instances?)?\b/g, 'vm'],
  // Route 53 → Azure DNS
  [/\broute ?53\b/g, 'dns'],
];

/** The text with other clouds' names for our Azure resources said in Azure's words. */
export function inAzureWords(t: string): string {
  if (!/\b(elastic|nat instance|cloud nat|security group|elbs?|nlbs?|target group|vpcs?|ec2|route ?53)\b/.test(t))
    return t;
  return AZURE_WORD.reduce((s, [re, word]) => s.replace(re, word), t);
}

/** Another cloud said as the writer's background, not asked about: "coming from AWS land - …", "In GCP I'd just look
 * at Cloud NAT. Here: …", "in AWS we had Reachability Analyzer." (a sentence that does not ask) */
const CLOUD = String.raw`(?:aws|amazon|gcp|google cloud|eks|gke)`;
const BACKGROUND = new RegExp(
  String.raw`\b(?:coming|came|moving|moved|switching|switched|migrated) (?:over )?from ${CLOUD}` +
    String.raw`(?: land| world| side)?\b|` +
    // ("In AWS land I'd check the NAT instance's elastic IP.": the cloud said as a place)
    String.raw`\b(?:in|on|at|with) ${CLOUD}(?: land| world| side)?,? (?:we|i|you|one)` +
    String.raw`(?:'d|’d| had| used| would| just| did| were| was)\b` +
    String.raw`[^.?!]*[.!]|` +
    // "on GKE I'd just look at Cloud NAT — what's the equivalent here", "in GKE kube-dns answers everything — which
    // resolver does api use here": a clause on the other cloud, set apart by a dash, before what is asked of this one
    String.raw`\b(?:in|on) ${CLOUD}\b[^.?!—–]*?(?:—|–|\s-\s)(?=[^—–]*\b(?:here|this (?:cluster|thing|bot|tool|one)|` +
    String.raw`in (?:azure|aks|aro)|on (?:azure|aks|aro))\b)|` +
    // "in EKS terms, which worker node hosts db-0", "I'm from the GKE world — …": the other cloud's words or the
    // writer's past, not what is asked
    String.raw`\bin ${CLOUD} (?:terms|speak|words|language|lingo),?|` +
    String.raw`\b(?:i['’]?m|i am|we['’]?re|we are) (?:coming )?from (?:the )?${CLOUD}(?: land| world| side)?\b`,
  'g',
);
export const withoutBackground = (t: string): string => t.replace(BACKGROUND, ' ');
