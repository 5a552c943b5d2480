package org.familystation.command.network;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/** The city the network serves ({@code familystation.network.*}); Nanjing by default. */
@ConfigurationProperties("familystation.network")
public class NetworkProperties {

    /** The districts stations may be opened in, as users write them. */
    private List<String> districts = new ArrayList<>(List.of(
            "玄武区", "秦淮区", "建邺区", "鼓楼区", "浦口区", "栖霞区", "雨花台区", "江宁区", "六合区", "溧水区", "高淳区"));

    public List<String> getDistricts() {
        return districts;
    }

    public void setDistricts(List<String> districts) {
        this.districts = districts;
    }

    public boolean isDistrict(String name) {
        return name != null && districts.contains(name.strip());
    }
}
