// Builds the English custom-functions metadata from the generated (Indonesian) one, so that
// Excel in English shows English descriptions. Ids and names stay the same: a formula typed
// in one language keeps working in the other.

/**
 * @param {{functions: Array<{id: string, description?: string, parameters?: Array<{name: string, description?: string}>}>}} metadata
 * @param {Record<string, {description: string, parameters: Record<string, string>}>} translations
 * @returns {{metadata: object, missing: string[]}}
 */
function localiseFunctions(metadata, translations) {
  const missing = [];
  const functions = metadata.functions.map((fn) => {
    const t = translations[fn.id];
    if (!t) {
      missing.push(fn.id);
      return fn;
    }
    const parameters = (fn.parameters || []).map((p) => {
      const text = t.parameters && t.parameters[p.name];
      if (!text) missing.push(`${fn.id}.${p.name}`);
      return text ? { ...p, description: text } : p;
    });
    return { ...fn, description: t.description, parameters };
  });
  return { metadata: { ...metadata, functions }, missing };
}

module.exports = { localiseFunctions };
