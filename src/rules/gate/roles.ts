// What a role answers for: a "why" that asks a CFO about budgets or a buyer
// about suppliers is about this contact even when it names neither them nor
// their company. Each domain: words in a title (folded, any of the gate's
// languages), then words a request about that work would use (stems).
const DOMAINS: [string[], string[]][] = [
  [['cfo', 'finance', 'financial', 'treasury', 'treasurer', 'controller', 'finanzas', 'financeiro', 'financas', 'finanzen', 'finances', 'finanza', 'accounting'],
    ['budget', 'treasury', 'fp&a', 'audit', 'accounting', 'cash', 'invoic', 'payment', 'spend', 'cost', 'finan', 'presupuest', 'orcamento', 'tesorer', 'tesour', 'kosten', 'budget', 'factur', 'fatur', 'rechnung', 'paiement', 'pago', 'pagamento']],
  [['cto', 'engineering', 'engineer', 'technology', 'tech', 'it', 'cio', 'infrastructure', 'platform', 'ingenieria', 'engenharia', 'technik', 'ingenierie', 'ingegneria', 'architect'],
    ['engineer', 'infra', 'stack', 'platform', 'developer', 'architect', 'migrat', 'cloud', 'devops', 'api', 'codebase', 'kubernetes', 'desarroll', 'desenvolv', 'entwickl', 'developp', 'svilupp']],
  [['cmo', 'marketing', 'brand', 'growth', 'communications', 'mercadeo', 'marca'],
    ['marketing', 'brand', 'campaign', 'ads', 'advert', 'growth', 'funnel', 'seo', 'campana', 'campanha', 'kampagne', 'campagne', 'marca', 'marke']],
  [['cro', 'sales', 'revenue', 'commercial', 'business development', 'ventas', 'vendas', 'vertrieb', 'ventes', 'vendite', 'comercial', 'kaufmann'],
    ['sales', 'sell', 'pipeline', 'revenue', 'deal', 'quota', 'account', 'venta', 'venda', 'vertrieb', 'vente', 'vendit', 'resell', 'distribut', 'channel']],
  [['hr', 'people', 'talent', 'recruiting', 'recruiter', 'chro', 'human', 'rrhh', 'rh', 'personal', 'personnel', 'recrutement', 'reclutamento'],
    ['hir', 'recruit', 'talent', 'onboard', 'payroll', 'retention', 'candidat', 'contrat', 'recrut', 'reclut', 'einstell', 'bewerb', 'people team', 'interview']],
  [['procurement', 'purchasing', 'sourcing', 'buyer', 'buying', 'compras', 'einkauf', 'achats', 'acquisti', 'supply'],
    ['supplier', 'vendor', 'sourc', 'purchas', 'procure', 'tender', 'rfp', 'rfq', 'buy', 'proveedor', 'fornecedor', 'lieferant', 'fournisseur', 'fornitor', 'licitac', 'compra', 'achat', 'acquist', 'einkauf']],
  [['legal', 'counsel', 'gc', 'lawyer', 'attorney', 'compliance', 'juridico', 'recht', 'juridique', 'legale', 'abogad', 'advogad'],
    ['contract', 'legal', 'complian', 'regulat', 'litigat', 'gdpr', 'licens', 'clause', 'contrato', 'vertrag', 'contrat', 'contratt', 'regulator', 'aml', 'kyc']],
  [['ciso', 'security', 'seguridad', 'seguranca', 'sicherheit', 'securite', 'sicurezza'],
    ['secur', 'pentest', 'soc', 'breach', 'phishing', 'threat', 'vulnerab', 'incident', 'iso 27001', 'soc 2', 'segur', 'sicher', 'sicurezz']],
  [['product', 'cpo', 'pm', 'producto', 'produto', 'produkt', 'produit', 'prodotto'],
    ['roadmap', 'product', 'feature', 'user', 'launch', 'pricing', 'producto', 'produto', 'produkt', 'produit', 'prodott']],
  [['data', 'analytics', 'scientist', 'datos', 'dados', 'daten', 'donnees', 'dati', 'ml', 'ai'],
    ['data', 'analytic', 'model', 'dashboard', 'dataset', 'pipeline', 'warehouse', 'forecast', 'datos', 'dados', 'daten', 'donnees', 'dati', 'machine learning']],
  [['operations', 'coo', 'ops', 'logistics', 'chain', 'operaciones', 'operacoes', 'betrieb', 'logistik', 'logistique', 'logistica', 'fleet', 'plant', 'manufacturing'],
    ['operation', 'logistic', 'warehouse', 'fleet', 'supply', 'shipping', 'freight', 'delivery', 'plant', 'factory', 'throughput', 'routing', 'logistik', 'logistique', 'logistica', 'almacen', 'armazem', 'lager', 'entrepot', 'magazzin', 'flota', 'frota', 'flotte']],
  [['investor', 'partner', 'vc', 'gp', 'fund', 'ventures', 'capital', 'principal', 'investment', 'inversion', 'investimento', 'investissement', 'angel'],
    ['fund', 'round', 'seed', 'series', 'invest', 'portfolio', 'term sheet', 'raise', 'raising', 'thesis', 'cheque', 'check size', 'lp', 'ronda', 'rodada', 'finanzierung', 'levee', 'inversion', 'investiment', 'investiss']],
  [['research', 'researcher', 'professor', 'scientist', 'lecturer', 'phd', 'postdoc', 'investigador', 'pesquisador', 'forscher', 'chercheur', 'ricercat', 'profesor', 'professeur', 'professore'],
    ['paper', 'study', 'lab', 'research', 'dataset', 'thesis', 'experiment', 'publication', 'preprint', 'trial', 'estudio', 'estudo', 'studie', 'etude', 'studio', 'articulo', 'artigo', 'laborat']],
  [['editor', 'journalist', 'reporter', 'writer', 'correspondent', 'periodista', 'jornalista', 'journalist', 'redakteur', 'journaliste', 'giornalista'],
    ['story', 'piece', 'article', 'column', 'coverage', 'pitch', 'op-ed', 'beat', 'reportaje', 'reportagem', 'artikel', 'reportage', 'articolo']],
];

/** The role domains a title belongs to, as the stems a request about that work would use. */
export function roleWords(titleWords: Iterable<string>): string[] {
  const title = new Set(titleWords);
  return DOMAINS.filter(([keys]) => keys.some((k) => title.has(k))).flatMap(([, words]) => words);
}

/** Whether a folded text names the contact's line of work (word starts, so "hiring" matches "hir"). */
export function namesRoleWork(folded: string, stems: readonly string[]): string | undefined {
  for (const s of stems) {
    const at = folded.indexOf(s);
    if (at >= 0 && (at === 0 || !/[\p{L}\p{N}]/u.test(folded[at - 1] ?? ''))) return s;
  }
  return undefined;
}
