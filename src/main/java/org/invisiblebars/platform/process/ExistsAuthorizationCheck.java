package org.invisiblebars.platform.process;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.builder.xml.XMLMapperEntityResolver;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Runs the authorization check of task queries (Tasklist's lists and count badges, the engine REST
 * API's task and filter queries) and of variable queries (a filter list's variable columns) as
 * {@code EXISTS} subqueries instead of a join, so their work grows with the open tasks instead of
 * with their square: at 10,000 open tasks a queue's count took 15.5 s in the database, now 24 ms
 * (issue 11; figures in docs/performance.md).
 *
 * <p>Why: Camunda 7.24 joins {@code ACT_RU_AUTHORIZATION} into these queries on {@code RESOURCE_ID_
 * IN (task id, definition key, ..., '*')}. The default authorization provider writes one grant per
 * task and candidate group, so the join pairs every task (or variable) with every such grant of the
 * user's groups; PostgreSQL can only run it as a nested loop, and the time grows with the square of
 * the open tasks. The Camunda 7 forks replaced the task query's join by an {@code EXISTS} subquery
 * (CIB seven pull request 151, backported to Operaton in pull request 3152); this plugin does the
 * same in 7.24, for the variable query as well (the forks left it joined: with a page of 15 tasks
 * it still took 0.3 s at 10,000 open tasks), with each resource id an equality of its own (see
 * {@code exists-authorization-check.xml}). Granting per process definition instead would need no
 * per-task rows, but would let a group read the other groups' tasks of the same process.
 *
 * <p>How, by hand because 7.24 has no extension point for a mapping: after the engine has built its
 * MyBatis configuration, this plugin copies the engine's own list and count statements of both
 * queries from the mapping files on the classpath (so they stay the engine's, whatever its
 * version), removes their join on the authorization table, puts the check of {@code
 * exists-authorization-check.xml} for the join's resource ids in place of the engine's {@code
 * contextualAuthorizationCheck}, adds them under a namespace of ours and maps the engine's
 * statement names to them for this engine only. Every other statement, and these when revoke checks
 * apply ({@code authorizationCheckRevokes}), run as before. Users see the same tasks and variables:
 * the same rows of the authorization table, the same conditions.
 *
 * <p>When an engine mapping no longer looks as 7.24's (another Camunda version), the plugin logs a
 * warning and leaves the engine's statements in place, and {@code TaskListQueriesIT} fails. When
 * moving to a fork that carries the change, drop the task query from {@link #REWRITES} (and this
 * class with its XML once none is left).
 */
@Component
public class ExistsAuthorizationCheck extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(ExistsAuthorizationCheck.class);

  /**
   * The namespace of our statements; not a class name, so MyBatis binds no mapper interface to it.
   */
  public static final String NAMESPACE =
      "org.invisiblebars.platform.process.exists-authorization-check";

  static final String TEMPLATE =
      "org/invisiblebars/platform/process/exists-authorization-check.xml";
  private static final String ENGINE = "org.camunda.bpm.engine.impl.persistence.entity.";
  static final String ENGINE_JOIN = ENGINE + "AuthorizationEntity.authCheckJoinWithoutOnClause";
  static final String ENGINE_CHECK = ENGINE + "AuthorizationEntity.contextualAuthorizationCheck";
  private static final String CHECK = "check";
  private static final String EACH_RESOURCE = "grantOnEachResource";
  private static final String GRANT_ON = "grantOn";

  /**
   * The resource ids of the engine's join: {@code AUTH ON (AUTH.RESOURCE_ID_ ${authJoinStart} a
   * ${authJoinSeparator} b ... ${authJoinEnd})}.
   */
  private static final Pattern ON =
      Pattern.compile(
          "AUTH ON \\(\\s*AUTH\\.RESOURCE_ID_\\s*\\$\\{authJoinStart}(.*?)\\$\\{authJoinEnd}\\s*\\)",
          Pattern.DOTALL);

  /**
   * A query whose statements are rewritten: the engine's mapping file and namespace, the fragment
   * with its criteria (which joins and checks), and its statements with the names of our copies.
   */
  record Rewrite(
      String mapping, String namespace, String criteria, Map<String, String> statements) {}

  static final List<Rewrite> REWRITES =
      List.of(
          new Rewrite(
              "org/camunda/bpm/engine/impl/mapping/entity/Task.xml",
              ENGINE + "TaskEntity",
              "selectTaskByQueryCriteriaSql",
              Map.of(
                  "selectTaskByQueryCriteria", "selectTaskByQueryCriteriaWithExistsCheck",
                  "selectTaskCountByQueryCriteria",
                      "selectTaskCountByQueryCriteriaWithExistsCheck")),
          new Rewrite(
              "org/camunda/bpm/engine/impl/mapping/entity/VariableInstance.xml",
              ENGINE + "VariableInstanceEntity",
              "selectVariableInstanceByQueryCriteriaSql",
              Map.of(
                  "selectVariableInstanceByQueryCriteria",
                      "selectVariableInstanceByQueryCriteriaWithExistsCheck",
                  "selectVariableInstanceCountByQueryCriteria",
                      "selectVariableInstanceCountByQueryCriteriaWithExistsCheck")));

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    try {
      Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
      List<Document> engineMappings = new ArrayList<>();
      for (Rewrite rewrite : REWRITES) {
        engineMappings.add(
            read(ProcessEngineConfigurationImpl.class.getClassLoader(), rewrite.mapping()));
      }
      // A shared SQL session factory (isUseSharedSqlSessionFactory) has them from the first engine.
      if (!mybatis.hasStatement(
          ourId(REWRITES.get(0).statements().values().iterator().next()), false)) {
        new XMLMapperBuilder(
                new ByteArrayInputStream(mapper(engineMappings)),
                mybatis,
                TEMPLATE,
                mybatis.getSqlFragments())
            .parse();
      }
      // Builds the statements now: one that does not resolve fails here, not in a user's query.
      REWRITES.forEach(
          rewrite ->
              rewrite.statements().values().forEach(id -> mybatis.getMappedStatement(ourId(id))));
      map(configuration.getDbSqlSessionFactory());
    } catch (RuntimeException
        | IOException
        | SAXException
        | ParserConfigurationException
        | TransformerException e) {
      LOG.warn(
          "Task and variable queries keep the engine's join on ACT_RU_AUTHORIZATION, which grows with the"
              + " square of the open tasks: the engine's mappings could not be rewritten",
          e);
    }
  }

  static String ourId(String statement) {
    return NAMESPACE + "." + statement;
  }

  /** Maps the engine's names to our statements, for this engine's session factory only. */
  static void map(DbSqlSessionFactory sessions) {
    Map<String, String> mappings =
        sessions.getStatementMappings() == null
            ? new HashMap<>()
            : new HashMap<>(sessions.getStatementMappings());
    REWRITES.forEach(
        rewrite ->
            rewrite
                .statements()
                .forEach(
                    (engine, ours) -> {
                      String existing = mappings.get(engine);
                      if (existing != null && !existing.equals(ourId(ours))) {
                        throw new IllegalStateException(
                            "the engine runs " + existing + " for " + engine + " on this database");
                      }
                      mappings.put(engine, ourId(ours));
                    }));
    // A copy: the engine's map is shared by every engine on the same kind of database.
    sessions.setStatementMappings(mappings);
  }

  /**
   * Our mapper: the template's fragments and, from each engine mapping (in the order of {@link
   * #REWRITES}), its statements rewritten.
   */
  static byte[] mapper(List<Document> engineMappings)
      throws IOException, SAXException, ParserConfigurationException, TransformerException {
    Document mapper = read(ExistsAuthorizationCheck.class.getClassLoader(), TEMPLATE);
    Element template = fragment(mapper.getDocumentElement(), CHECK);
    for (int i = 0; i < REWRITES.size(); i++) {
      rewrite(REWRITES.get(i), engineMappings.get(i).getDocumentElement(), mapper, template);
    }
    template.getParentNode().removeChild(template);
    return write(mapper);
  }

  private static void rewrite(Rewrite rewrite, Element engine, Document mapper, Element template) {
    if (!rewrite.namespace().equals(engine.getAttribute("namespace"))) {
      throw new IllegalStateException(
          rewrite.mapping() + " has the namespace " + engine.getAttribute("namespace"));
    }
    String check = rewrite.criteria() + "Check";
    int statements = 0;
    for (Element element : children(engine)) {
      String id = element.getAttribute("id");
      boolean statement =
          "select".equals(element.getTagName()) && rewrite.statements().containsKey(id);
      boolean criteria = "sql".equals(element.getTagName()) && rewrite.criteria().equals(id);
      if (!statement && !criteria) {
        continue;
      }
      Element copy = (Element) mapper.importNode(element, true);
      if (statement) {
        copy.setAttribute("id", rewrite.statements().get(id));
        if (copy.hasAttribute("resultMap")) {
          copy.setAttribute(
              "resultMap", rewrite.namespace() + "." + copy.getAttribute("resultMap"));
        }
        statements += includes(copy, rewrite.criteria()).size();
      } else {
        List<String> resourceIds = removeJoin(rewrite, copy);
        single(rewrite, copy, ENGINE_CHECK).setAttribute("refid", check);
        mapper.getDocumentElement().appendChild(checkOn(resourceIds, check, template));
      }
      qualifyIncludes(copy, rewrite);
      mapper.getDocumentElement().appendChild(copy);
    }
    if (statements != rewrite.statements().size()
        || fragment(mapper.getDocumentElement(), check) == null) {
      throw new IllegalStateException(
          rewrite.mapping() + " no longer has its statements on " + rewrite.criteria());
    }
  }

  /**
   * Drops the join on the authorization table from the copy of the criteria (the element around the
   * include of {@link #ENGINE_JOIN}, with its {@code AUTH ON} clause) and returns the resource ids
   * of its {@code ON} clause but {@code '*'}.
   */
  private static List<String> removeJoin(Rewrite rewrite, Element criteria) {
    Node around = single(rewrite, criteria, ENGINE_JOIN).getParentNode();
    Matcher on = ON.matcher(around.getTextContent());
    if (!"if".equals(around.getNodeName()) || !on.find()) {
      throw new IllegalStateException(
          rewrite.criteria() + ": the join on the authorization table is not as in 7.24");
    }
    around.getParentNode().removeChild(around);
    if (criteria.getTextContent().contains("AUTH.")) {
      throw new IllegalStateException(
          rewrite.criteria() + " uses the authorization join elsewhere too");
    }
    List<String> ids =
        new ArrayList<>(
            Arrays.stream(on.group(1).split("\\$\\{authJoinSeparator}"))
                .map(String::strip)
                .toList());
    if (!ids.remove("'*'")
        || ids.isEmpty()
        || ids.stream().anyMatch(id -> !id.matches("[A-Z_]+\\.[A-Z_]+"))) {
      throw new IllegalStateException(
          rewrite.criteria() + ": the join's resource ids are " + on.group(1).strip());
    }
    return ids;
  }

  /** A copy of the template's check named {@code id}, with one {@code grantOn} per resource id. */
  private static Element checkOn(List<String> resourceIds, String id, Element template) {
    Element check = (Element) template.cloneNode(true);
    check.setAttribute("id", id);
    Element each = includes(check, EACH_RESOURCE).get(0);
    for (String resourceId : resourceIds) {
      Element grantOn = check.getOwnerDocument().createElement("include");
      grantOn.setAttribute("refid", GRANT_ON);
      Element property = check.getOwnerDocument().createElement("property");
      property.setAttribute("name", "resourceId");
      property.setAttribute("value", resourceId);
      grantOn.appendChild(property);
      each.getParentNode().insertBefore(grantOn, each);
    }
    each.getParentNode().removeChild(each);
    return check;
  }

  /**
   * Includes of the engine's other fragments by their local names now name the engine's namespace.
   */
  private static void qualifyIncludes(Element copy, Rewrite rewrite) {
    NodeList includes = copy.getElementsByTagName("include");
    for (int i = 0; i < includes.getLength(); i++) {
      Element include = (Element) includes.item(i);
      String refid = include.getAttribute("refid");
      if (!refid.contains(".")
          && !refid.equals(rewrite.criteria())
          && !refid.equals(rewrite.criteria() + "Check")) {
        include.setAttribute("refid", rewrite.namespace() + "." + refid);
      }
    }
  }

  private static Element single(Rewrite rewrite, Element within, String refid) {
    List<Element> found = includes(within, refid);
    if (found.size() != 1) {
      throw new IllegalStateException(
          rewrite.criteria() + " includes " + refid + " " + found.size() + " times, not once");
    }
    return found.get(0);
  }

  private static List<Element> includes(Element within, String refid) {
    List<Element> found = new ArrayList<>();
    NodeList includes = within.getElementsByTagName("include");
    for (int i = 0; i < includes.getLength(); i++) {
      Element include = (Element) includes.item(i);
      if (refid.equals(include.getAttribute("refid"))) {
        found.add(include);
      }
    }
    return found;
  }

  private static Element fragment(Element mapper, String id) {
    return children(mapper).stream()
        .filter(e -> "sql".equals(e.getTagName()) && id.equals(e.getAttribute("id")))
        .findFirst()
        .orElse(null);
  }

  private static List<Element> children(Element parent) {
    List<Element> elements = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element) {
        elements.add(element);
      }
    }
    return elements;
  }

  static Document read(ClassLoader loader, String resource)
      throws IOException, SAXException, ParserConfigurationException {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      DocumentBuilder builder = DocumentBuilderFactory.newInstance().newDocumentBuilder();
      // The MyBatis DTD from MyBatis's own jar, never from the network.
      builder.setEntityResolver(new XMLMapperEntityResolver());
      return builder.parse(in);
    }
  }

  private static byte[] write(Document mapper) throws TransformerException {
    Transformer transformer = TransformerFactory.newInstance().newTransformer();
    transformer.setOutputProperty(OutputKeys.DOCTYPE_PUBLIC, "-//mybatis.org//DTD Mapper 3.0//EN");
    transformer.setOutputProperty(
        OutputKeys.DOCTYPE_SYSTEM, "http://mybatis.org/dtd/mybatis-3-mapper.dtd");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    transformer.transform(new DOMSource(mapper), new StreamResult(out));
    return out.toByteArray();
  }
}
